package dev.hermes.supervision.launchd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.supervision.SupervisionException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class LaunchdPlistTest {
  private static final String NASTY = "/Users/o'neil/<dev> & \"stuff\"/h\tx";

  @Test
  void thePlistIsWellFormedXmlWithTheExpectedKeysAndValues() throws Exception {
    String xml =
        LaunchdPlist.render(
            "team",
            List.of("/opt/hermes/bin/hermes", "-p", "team", "gateway", "run", "--replace"),
            Path.of("/Users/me/.hermes"),
            Path.of("/Users/me/.hermes/logs/gateways/team/gateway.log"));

    Map<String, Object> plist = topDict(parse(xml));

    assertThat(plist)
        .containsOnlyKeys(
            "Label",
            "ProgramArguments",
            "EnvironmentVariables",
            "RunAtLoad",
            "KeepAlive",
            "StandardOutPath",
            "StandardErrorPath");
    assertThat(plist.get("Label")).isEqualTo("dev.hermes.gateway.team");
    assertThat(plist.get("ProgramArguments"))
        .isEqualTo(List.of("/opt/hermes/bin/hermes", "-p", "team", "gateway", "run", "--replace"));
    assertThat(plist.get("EnvironmentVariables"))
        .isEqualTo(Map.of("HERMES_HOME", "/Users/me/.hermes", "HERMES_SUPERVISED_CHILD", "1"));
    assertThat(plist.get("RunAtLoad")).isEqualTo(false);
    assertThat(plist.get("KeepAlive")).isEqualTo(Map.of("SuccessfulExit", false));
    assertThat(plist.get("StandardOutPath"))
        .isEqualTo("/Users/me/.hermes/logs/gateways/team/gateway.log");
    assertThat(plist.get("StandardErrorPath")).isEqualTo(plist.get("StandardOutPath"));
  }

  @Test
  void valuesWithXmlSpecialsAreEscapedAndRoundTrip() throws Exception {
    String xml =
        LaunchdPlist.render(
            "team", List.of(NASTY, "a\rb"), Path.of(NASTY), Path.of(NASTY + "/gateway.log"));

    assertThat(xml).doesNotContain("<dev>", "& ", "o'neil", "\"stuff\"");
    Map<String, Object> plist = topDict(parse(xml));
    assertThat(plist.get("ProgramArguments")).isEqualTo(List.of(NASTY, "a\rb"));
    assertThat(plist.get("EnvironmentVariables"))
        .isEqualTo(Map.of("HERMES_HOME", NASTY, "HERMES_SUPERVISED_CHILD", "1"));
    assertThat(plist.get("StandardOutPath")).isEqualTo(NASTY + "/gateway.log");
  }

  @Test
  void aControlCharacterThatXmlCannotHoldIsRefused() {
    assertThatThrownBy(() -> LaunchdPlist.escape("bad\u0001"))
        .isInstanceOf(SupervisionException.class)
        .hasMessageContaining("control character");
  }

  /** A plist parser that never fetches the DTD named in the DOCTYPE. */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setExpandEntityReferences(false);
    factory.setValidating(false);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, Object> topDict(Document document) {
    Element root = document.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("plist");
    return dict(elements(root).get(0));
  }

  private static Map<String, Object> dict(Element dict) {
    assertThat(dict.getTagName()).isEqualTo("dict");
    Map<String, Object> values = new LinkedHashMap<>();
    List<Element> children = elements(dict);
    for (int i = 0; i < children.size(); i += 2) {
      assertThat(children.get(i).getTagName()).isEqualTo("key");
      values.put(children.get(i).getTextContent(), value(children.get(i + 1)));
    }
    return values;
  }

  private static Object value(Element element) {
    return switch (element.getTagName()) {
      case "string" -> element.getTextContent();
      case "true" -> true;
      case "false" -> false;
      case "dict" -> dict(element);
      case "array" -> elements(element).stream().map(LaunchdPlistTest::value).toList();
      default -> throw new AssertionError("unexpected plist element " + element.getTagName());
    };
  }

  private static List<Element> elements(Node parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }
}
