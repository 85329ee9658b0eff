/** Cohorts: contacts grouped by when they joined or first consented, followed period by period (ADR 0034). */
package org.cristal.library.cohort;
