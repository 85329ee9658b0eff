package org.cristal.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the user picks files and folders. The platform's dialogs in the app; tests put their own
 * answers here, since a native dialog cannot be driven headless.
 */
public interface Choosers {
    Optional<Path> saveFile(Window owner, String title, String initialName);

    Optional<Path> openFile(Window owner, String title, String filterName, List<String> patterns);

    Optional<Path> folder(Window owner, String title);

    Choosers PLATFORM = new Choosers() {
        @Override
        public Optional<Path> saveFile(Window owner, String title, String initialName) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            return path(chooser.showSaveDialog(owner));
        }

        @Override
        public Optional<Path> openFile(Window owner, String title, String filterName, List<String> patterns) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, patterns));
            return path(chooser.showOpenDialog(owner));
        }

        @Override
        public Optional<Path> folder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return path(chooser.showDialog(owner));
        }

        private Optional<Path> path(File f) {
            return Optional.ofNullable(f).map(File::toPath);
        }
    };
}
