// The Mustache engine: any template parsed, and rendered against data with
// a list, nested sections, HTML-special text and a false value.
#include "formats/mustache/mustache.h"

using namespace jixiao;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const TemplateValue value = [] {
    TemplateValue row;  // an object
    row.Set("name", "<b>&\"'</b>");
    row.Set("score", "9.5");
    row.Set("flag", true);
    TemplateValue rows = TemplateValue::List();
    for (int i = 0; i < 3; ++i) rows.Append(row);
    TemplateValue v;
    v.Set("title", "标题 {{x}}");
    v.Set("score_rows", rows);
    v.Set("empty", false);
    v.Set("nested", row);
    return v;
  }();
  Template t(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!t.ok()) return 0;
  std::string out;
  t.Render(value, AppendEscapedHtml, out);
  return 0;
}
