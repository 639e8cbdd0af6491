#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <iterator>
#include <mutex>

#include "base/precision.h"
#include "render/html_structure.h"
#include "render/report.h"
#include "render/report_mustache.h"

namespace jixiao {

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

namespace {


// A Decimal as an SVG coordinate.
std::string Coord(const Decimal& d) { return d.ToShort(kChartPlaces); }

// A row of colour keys under a chart: (class, label) pairs from x.
std::string Legend(int x, int y, std::initializer_list<std::pair<const char*, const char*>> keys) {
  std::string s = "<g class=\"legend\">";
  for (const auto& [cls, label] : keys) {
    fmt::format_to(std::back_inserter(s), "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" class=\"{}\"/>", x, y - 10, cls);
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\">{}</text>", x + 16, y, label);
    x += 110;
  }
  return s + "</g>";
}

// The step between an axis's labels: 1, 2 or 5 times a power of ten, so
// that about four steps cover `range`.
Decimal AxisStep(const Decimal& range) {
  static const long kFactors[] = {1, 2, 5};
  Decimal power = Decimal(1) / Decimal(100);  // the cent: money's finest step
  for (;;) {
    for (long f : kFactors)
      if (power * Decimal(f) * Decimal(4) >= range) return power * Decimal(f);
    power = power * Decimal(10);
  }
}

}  // namespace

std::string MarkdownToHtml(const std::string& md) { return MarkdownToHtml(md, {}); }

std::string MarkdownToHtml(const std::string& md, const std::function<void(cmark_node*, TablePlans&)>& read) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // No CMARK_OPT_UNSAFE: raw HTML in the Markdown is dropped, never passed.
  // Strikethrough only with two tildes: one is a range in Chinese text
  // (60~80分，80~90分), which one-tilde strikethrough would strike between.
  int options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser, ext);
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  TablePlans plans;
  if (read) {
    try {
      read(doc, plans);
    } catch (...) {
      cmark_node_free(doc);
      cmark_parser_free(parser);
      throw;
    }
  }
  // Heading ids, the linked 目录, merged parent cells, captions with their tables.
  StructureForHtml(doc, options, cmark_parser_get_syntax_extensions(parser), plans);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out = html ? html : "";
  std::free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

std::string SvgLevel1Chart(const ScoredProject& sp) {
  // Horizontal bars of 得分率 per 一级指标, 0–100%; the caption is the figure's.
  const int label_w = 150, bar_w = 360, row_h = 34, top = 12;
  const int width = label_w + bar_w + 90;
  const int axis_y = top + static_cast<int>(sp.roots.size()) * row_h + 16;
  const int height = axis_y + 34;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-level1\" viewBox=\"0 0 {} {}\" "
      "width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"一级指标得分率\">",
      width, height, width, height);
  for (int pct = 0; pct <= 100; pct += 25) {
    int x = label_w + bar_w * pct / 100;
    fmt::format_to(std::back_inserter(s), "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"grid\"/>", x, top - 4, x,
                   axis_y - 12);
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}%</text>", x,
                   axis_y, pct);
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
  s += Legend(label_w, height - 6, {{"bar", "得满分"}, {"bar bar-lost", "有扣分"}});
  return s + "</svg>";
}

std::string SvgBalanceChart(const ScoredProject& sp) {
  const auto& years = sp.project->funds.balances;
  if (years.size() < 2) return "";
  // Per year, columns of 当年收入, 当年支出 and 年末结余 (000 图1), each with
  // its figure, over a value axis that takes in a negative balance.
  Decimal hi, lo;
  for (const auto& y : years)
    for (const Decimal* v : {&y.income, &y.spending, &y.closing}) {
      hi = Max(hi, *v);
      lo = Min(lo, *v);
    }
  const Decimal step = AxisStep(Max(hi - lo, Decimal(1)));
  Decimal top_tick, bottom_tick;
  while (top_tick < hi) top_tick += step;
  while (bottom_tick > lo) bottom_tick -= step;
  const int left = 78, plot_h = 220, top = 24, col_w = 50, gap = 6, group_w = 3 * col_w + 2 * gap + 34;
  const int width = left + static_cast<int>(years.size()) * group_w + 10;
  const int plot_bottom = top + plot_h;
  const Decimal span = top_tick - bottom_tick;
  auto y_of = [&](const Decimal& v) { return Decimal(top) + (top_tick - v) / span * Decimal(plot_h); };
  const int height = plot_bottom + 58;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-balance\" viewBox=\"0 0 {} {}\" width=\"{}\" "
      "height=\"{}\" role=\"img\" aria-label=\"资金收支与结余\">",
      width, height, width, height);
  fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"end\">{}</text>", left - 8,
                 top - 12, XmlEscape(sp.project->funds.unit));
  for (Decimal t = bottom_tick; t <= top_tick; t += step) {
    const std::string ty = Coord(y_of(t));
    fmt::format_to(std::back_inserter(s), "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{}\"/>", left, ty, width - 10,
                   ty, t.IsZero() ? "axis-line" : "grid");
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"end\">{}</text>", left - 6,
                   Coord(y_of(t) + Decimal(4)), GroupThousands(t.ToShort(kMoneyPlaces)));
  }
  fmt::format_to(std::back_inserter(s), "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis-line\"/>", left, top, left,
                 plot_bottom);
  const char* classes[] = {"col-income", "col-spending", "col-closing"};
  const Decimal zero = y_of(Decimal());
  for (size_t i = 0; i < years.size(); ++i) {
    const FundYear& y = years[i];
    int gx = left + static_cast<int>(i) * group_w + 17;
    const Decimal values[] = {y.income, y.spending, y.closing};
    for (int k = 0; k < 3; ++k) {
      const Decimal at = y_of(values[k]);
      const bool negative = values[k].Sign() < 0;
      int x = gx + k * (col_w + gap);
      fmt::format_to(std::back_inserter(s), "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{}\"/>", x,
                     Coord(negative ? zero : at), col_w, Coord((zero - at).Abs()), classes[k]);
      fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"value\" text-anchor=\"middle\">{}</text>",
                     x + col_w / 2, Coord(negative ? at + Decimal(12) : at - Decimal(4)), MoneyText(values[k]));
    }
    fmt::format_to(std::back_inserter(s), "<text x=\"{}\" y=\"{}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
                   gx + (3 * col_w + 2 * gap) / 2, plot_bottom + 18, XmlEscape(y.year));
  }
  s += Legend(left, height - 8, {{"col-income", "当年收入"}, {"col-spending", "当年支出"}, {"col-closing", "年末结余"}});
  return s + "</svg>";
}

}  // namespace jixiao
