import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Copies the classes of every AAR in a folder (the classes.jar nested in each archive) into one
 * folder. Hand-written because Maven's unarchivers know no "aar" type and Ant cannot loop over
 * archives; run with `java UnpackAarClasses.java <aar folder> <classes folder>` (no compile step).
 */
public class UnpackAarClasses {
  public static void main(String[] args) throws IOException {
    Path aars = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int count = 0;
    try (DirectoryStream<Path> archives = Files.newDirectoryStream(aars, "*.aar")) {
      for (Path aar : archives) {
        copyClasses(aar, out);
        count++;
      }
    }
    if (count == 0) throw new IllegalStateException("no .aar in " + aars);
    System.out.println("UnpackAarClasses: " + count + " AARs into " + out);
  }

  private static void copyClasses(Path aar, Path out) throws IOException {
    try (ZipFile archive = new ZipFile(aar.toFile())) {
      ZipEntry classesJar = archive.getEntry("classes.jar");
      if (classesJar == null) return; // a resources-only AAR
      try (ZipInputStream jar = new ZipInputStream(archive.getInputStream(classesJar))) {
        for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
          if (entry.isDirectory() || entry.getName().equals("META-INF/MANIFEST.MF")) continue;
          Path target = out.resolve(entry.getName()).normalize();
          if (!target.startsWith(out)) throw new IOException("entry outside the output: " + entry.getName());
          Files.createDirectories(target.getParent());
          Files.copy((InputStream) jar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
