package datasense.tools.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Test
    void decodesBackToTheSamePixels() throws Exception {
        BufferedImage img = new BufferedImage(333, 77, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 333, 77);
        g.setColor(new Color(0x2F6DB5));
        g.fillRect(10, 10, 100, 40);
        g.dispose();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            img.setRGB(random.nextInt(333), random.nextInt(77), random.nextInt(0x1000000));
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
        assertThat(back.getWidth()).isEqualTo(333);
        assertThat(back.getHeight()).isEqualTo(77);
        for (int y = 0; y < 77; y++) {
            for (int x = 0; x < 333; x++) {
                assertThat(back.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(img.getRGB(x, y));
            }
        }
    }

    @Test
    void refusesImagesWithAlpha() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
