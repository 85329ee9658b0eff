package org.cristal.ui.preview;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.DecodeOptions;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;

/**
 * The brochure's images as last drawn on a preview page, kept across rasters. Every keystroke makes a
 * new PDF with the same hero image and logo; decoding the JPEG and scaling it down to the page's size
 * was most of a page's raster (three quarters of it for the sample story). An image is known again by
 * the SHA-256 of its encoded bytes (and of its soft mask), so a changed image is never drawn from the cache.
 */
final class RasterImages {
    private static final int KEPT = 8;
    /** Below this scale PDFBox pre-scales an image with area averaging (its own default threshold). */
    private static final float DOWNSCALE = 0.5f;

    private final Map<String, BufferedImage> drawn = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BufferedImage> eldest) {
            return size() > KEPT;
        }
    };

    /** A page drawer that takes the images it has drawn before from this cache. */
    PageDrawer drawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            public void drawImage(PDImage image) throws IOException {
                super.drawImage(getGraphicsState() == null ? image
                        : cached(getGraphicsState().getCurrentTransformationMatrix(), getGraphics(), image));
            }
        };
    }

    private PDImage cached(Matrix ctm, Graphics2D graphics, PDImage image) throws IOException {
        if (!(image instanceof PDImageXObject x) || x.isStencil() || x.getOptionalContent() != null
                || x.getCOSObject().containsKey(COSName.MASK) || graphics == null) {
            return image;
        }
        String key = key(x);
        if (key == null) {
            return image;
        }
        Matrix device = new Matrix(graphics.getTransform());
        int w = Math.round(Math.abs(ctm.getScalingFactorX() * device.getScalingFactorX()));
        int h = Math.round(Math.abs(ctm.getScalingFactorY() * device.getScalingFactorY()));
        if (w < 1 || h < 1) {
            return image;
        }
        String sized = key + ":" + w + "x" + h;
        BufferedImage done;
        synchronized (drawn) {
            done = drawn.get(sized);
        }
        if (done == null) {
            done = scaled(x.getImage(), w, h);
            synchronized (drawn) {
                drawn.put(sized, done);
            }
        }
        return new Drawn(x, done);
    }

    /**
     * The image at the size it takes on the page, scaled as PDFBox scales it (area averaging) when it
     * is much larger, so the page looks the same as without the cache; as decoded otherwise.
     */
    private static BufferedImage scaled(BufferedImage image, int w, int h) {
        if (w >= image.getWidth() * DOWNSCALE && h >= image.getHeight() * DOWNSCALE) {
            return image;
        }
        Image smooth = image.getScaledInstance(w, h, Image.SCALE_SMOOTH);
        BufferedImage out = new BufferedImage(w, h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(smooth, 0, 0, null);
        g.dispose();
        return out;
    }

    /** What makes the decoded image: its encoded bytes, soft mask, size, colour space and decode array; null when not sure. */
    private static String key(PDImageXObject x) throws IOException {
        COSDictionary dict = x.getCOSObject();
        COSBase space = dict.getDictionaryObject(COSName.COLORSPACE, COSName.CS);
        if (space != null && !(space instanceof COSName)) {
            return null;
        }
        COSBase decode = dict.getDictionaryObject(COSName.DECODE, COSName.D);
        if (decode != null && !(decode instanceof COSArray)) {
            return null;
        }
        PDImageXObject mask = x.getSoftMask();
        return digest(x) + "/" + (mask == null ? "-" : digest(mask)) + "/" + x.getWidth() + "x" + x.getHeight() + "/"
                + x.getBitsPerComponent() + "/" + space + "/" + (decode == null ? "-" : decode.toString());
    }

    private static String digest(PDImageXObject x) throws IOException {
        try (InputStream in = x.getCOSObject().createRawInputStream()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[16384];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest()) + "," + x.getCOSObject().getItem(COSName.FILTER);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image of the page, drawn from the picture already made for it. */
    private record Drawn(PDImageXObject base, BufferedImage image) implements PDImage {
        @Override
        public BufferedImage getImage() {
            return image;
        }

        @Override
        public BufferedImage getImage(Rectangle region, int subsampling) throws IOException {
            return region == null && subsampling <= 1 ? image : base.getImage(region, subsampling);
        }

        @Override
        public WritableRaster getRawRaster() throws IOException {
            return base.getRawRaster();
        }

        @Override
        public BufferedImage getRawImage() throws IOException {
            return base.getRawImage();
        }

        @Override
        public BufferedImage getStencilImage(Paint paint) throws IOException {
            return base.getStencilImage(paint);
        }

        @Override
        public InputStream createInputStream() throws IOException {
            return base.createInputStream();
        }

        @Override
        public InputStream createInputStream(List<String> stopFilters) throws IOException {
            return base.createInputStream(stopFilters);
        }

        @Override
        public InputStream createInputStream(DecodeOptions options) throws IOException {
            return base.createInputStream(options);
        }

        @Override
        public boolean isEmpty() {
            return base.isEmpty();
        }

        @Override
        public boolean isStencil() {
            return false;
        }

        @Override
        public void setStencil(boolean isStencil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getBitsPerComponent() {
            return base.getBitsPerComponent();
        }

        @Override
        public void setBitsPerComponent(int bitsPerComponent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PDColorSpace getColorSpace() throws IOException {
            return base.getColorSpace();
        }

        @Override
        public void setColorSpace(PDColorSpace colorSpace) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getHeight() {
            return image.getHeight();
        }

        @Override
        public void setHeight(int height) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int getWidth() {
            return image.getWidth();
        }

        @Override
        public void setWidth(int width) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setDecode(COSArray decode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public COSArray getDecode() {
            return base.getDecode();
        }

        @Override
        public boolean getInterpolate() {
            return base.getInterpolate();
        }

        @Override
        public void setInterpolate(boolean value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getSuffix() {
            return base.getSuffix();
        }

        @Override
        public COSDictionary getCOSObject() {
            return base.getCOSObject();
        }
    }
}
