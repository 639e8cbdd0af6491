#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <iterator>
#include <mutex>

#include "base/precision.h"
#include "render/report.h"

namespace jixiao {
namespace {

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// A Decimal as an SVG coordinate.
std::string Coord(const Decimal& d) { return d.ToShort(kChartPlaces); }

}  // namespace

std::string MarkdownToHtml(const std::string& md) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // No CMARK_OPT_UNSAFE: raw HTML in the Markdown is dropped, never passed.
  int options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out = html ? html : "";
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

std::string SvgLevel1Chart(const ScoredProject& sp) {
  // Horizontal bars of 得分率 per 一级指标, 0–100%.
  const int label_w = 150, bar_w = 360, row_h = 34, top = 36;
  int height = top + static_cast<int>(sp.roots.size()) * row_h + 30;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-level1\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"一级指标得分率\">",
      label_w + bar_w + 90, height, label_w + bar_w + 90, height);
  fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"20\" class=\"chart-title\" text-anchor=\"middle\">图 一级指标得分率</text>",
                   (label_w + bar_w + 90) / 2);
  for (int pct = 0; pct <= 100; pct += 25) {
    int x = label_w + bar_w * pct / 100;
    fmt::format_to(std::back_inserter(s), "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"grid\"/>", x, top - 4, x,
                     height - 26);
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}%</text>", x,
                     height - 10, pct);
  }
  for (size_t i = 0; i < sp.roots.size(); ++i) {
    const ScoredIndicator& r = sp.roots[i];
    int y = top + static_cast<int>(i) * row_h;
    Decimal rate = r.rate.value_or(Decimal());
    Decimal len = Min(rate, Decimal(1)) * Decimal(bar_w);
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"label\" text-anchor=\"end\">{}</text>", label_w - 8,
                     y + 19, XmlEscape(r.def->code + " " + r.def->name));
    fmt::format_to(std::back_inserter(s), "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" class=\"bar{}\"/>", label_w, y + 4,
                     Coord(len), rate < Decimal(1) ? " bar-lost" : "");
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"value\">{}</text>", Coord(Decimal(label_w + 6) + len),
                     y + 19, rate.ToPercent(kPercentPlaces));
  }
  return s + "</svg>";
}

std::string SvgBalanceChart(const ScoredProject& sp) {
  const auto& years = sp.project->funds.balances;
  if (years.size() < 2) return "";
  // Columns of 年末结余 per year (000 图1), scaled to the largest magnitude.
  Decimal peak(1);
  for (const auto& y : years) peak = Max(peak, Max(y.closing.Abs(), Max(y.income, y.spending)));
  const int left = 60, plot_h = 200, top = 40, col_w = 28, group_w = 110;
  int width = left + static_cast<int>(years.size()) * group_w + 30;
  int base = top + plot_h;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-balance\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"资金收支与结余\">",
      width, base + 60, width, base + 60);
  fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"20\" class=\"chart-title\" text-anchor=\"middle\">图 资金收支与结余（单位：{}）</text>",
                   width / 2, XmlEscape(sp.project->funds.unit));
  fmt::format_to(std::back_inserter(s), "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis-line\"/>", left, base, width - 20, base);
  const char* classes[] = {"col-income", "col-spending", "col-closing"};
  for (size_t i = 0; i < years.size(); ++i) {
    const FundYear& y = years[i];
    int gx = left + static_cast<int>(i) * group_w + 10;
    const Decimal values[] = {y.income, y.spending, y.closing};
    for (int k = 0; k < 3; ++k) {
      Decimal h = values[k].Abs() / peak * Decimal(plot_h);
      int x = gx + k * (col_w + 2);
      std::string ytop = values[k].Sign() < 0 ? std::to_string(base) : Coord(Decimal(base) - h);
      fmt::format_to(std::back_inserter(s), "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"/>", x, ytop, col_w,
                       Coord(h), classes[k]);
    }
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
                     gx + (3 * col_w + 4) / 2, base + 16, XmlEscape(y.year));
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"value\" text-anchor=\"middle\">{}</text>",
                     gx + 2 * (col_w + 2) + col_w / 2, base + 30, y.closing.ToShort(kMoneyPlaces));
  }
  int ly = base + 48;
  const char* legend[] = {"当年收入", "当年支出", "年末结余"};
  for (int k = 0; k < 3; ++k) {
    fmt::format_to(std::back_inserter(s), "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" class=\"{}\"/>", left + k * 110, ly - 10,
                     classes[k]);
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\">{}</text>", left + k * 110 + 16, ly, legend[k]);
  }
  return s + "</svg>";
}

}  // namespace jixiao
