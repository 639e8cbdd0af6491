#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include "base/messages.h"
#include "base/read_file.h"
#include "check/check.h"
#include "check/narrative.h"
#include "render/docx/render_docx.h"
#include "render/render.h"
#include "render/report.h"
#include "render/report_kind.h"
#include "render/report_mustache.h"
#include "render/self_evaluation_rows.h"

namespace fs = std::filesystem;

namespace jixiao {

const std::map<std::string, std::string>& DefaultTemplates();  // generated at build time

namespace {

bool IsMark(const std::string& line) {
  return line.size() > 4 && line.compare(0, 2, "[[") == 0 &&
         line.compare(line.size() - 2, 2, "]]") == 0;
}

// The template's own mark lines, [[name]], become the internal mark
// kMarkChar + name + kMarkChar, which no input text can contain.
std::string InternMarks(const std::string& tmpl) {
  std::istringstream in(tmpl);
  std::string line, out;
  while (std::getline(in, line)) {
    if (IsMark(line)) line = kMarkChar + line.substr(2, line.size() - 4) + kMarkChar;
    out += line + "\n";
  }
  return out;
}

// Replaces every internal mark in `html` by its entry in `marks` (an
// unknown mark is dropped); "<p>MARK</p>" goes whole.
std::string PlaceMarks(const std::string& html, const std::map<std::string, std::string>& marks) {
  const std::string m = kMarkChar;
  std::string out;
  out.reserve(html.size() + 4096);
  size_t pos = 0;
  for (size_t at; (at = html.find(m, pos)) != std::string::npos;) {
    size_t end = html.find(m, at + m.size());
    if (end == std::string::npos) break;
    std::string name = html.substr(at + m.size(), end - at - m.size());
    size_t from = at, to = end + m.size();
    if (from >= 3 && html.compare(from - 3, 3, "<p>") == 0 && html.compare(to, 4, "</p>") == 0) {
      from -= 3;
      to += 4;
    }
    out.append(html, pos, from - pos);
    auto it = marks.find(name);
    if (it != marks.end()) out += it->second;
    pos = to;
  }
  out.append(html, pos, std::string::npos);
  return out;
}


bool IsInternalMark(std::string_view line) {
  size_t n = std::char_traits<char>::length(kMarkChar);
  return line.size() > 2 * n && line.compare(0, n, kMarkChar) == 0 &&
         line.compare(line.size() - n, n, kMarkChar) == 0;
}

// Drops layout-mark lines and the blank line each leaves behind; those
// starting with `keep` stay.
std::string StripMarks(const std::string& md, std::string_view keep = {}) {
  std::string out;
  out.reserve(md.size());
  bool last_blank = true;
  for (size_t pos = 0; pos < md.size();) {
    size_t nl = md.find('\n', pos);
    size_t end = nl == std::string::npos ? md.size() : nl;
    std::string_view line(md.data() + pos, end - pos);
    pos = end + 1;
    if (IsInternalMark(line) &&
        (keep.empty() || line.compare(std::char_traits<char>::length(kMarkChar), keep.size(), keep) != 0))
      continue;
    bool blank = line.empty();
    if (blank && last_blank) continue;
    out.append(line);
    out += '\n';
    last_blank = blank;
  }
  return out;
}

// The 目录 as Markdown: a two-level list of the level-2 and level-3
// headings after the [[toc]] mark (一、 with its （一）, and each 附件), put
// in the mark's place. The HTML turns it into links (html_structure.h); the
// Word file puts a TOC field there instead.
std::string PlaceContents(const std::string& md) {
  const std::string mark = std::string(kMarkChar) + "toc" + kMarkChar;
  const size_t at = md.find(mark + "\n");
  if (at == std::string::npos || (at > 0 && md[at - 1] != '\n')) return md;
  std::string list;
  bool fenced = false;
  for (size_t pos = at + mark.size() + 1; pos < md.size();) {
    size_t nl = md.find('\n', pos);
    size_t end = nl == std::string::npos ? md.size() : nl;
    std::string_view line(md.data() + pos, end - pos);
    pos = end + 1;
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) fenced = !fenced;
    if (fenced) continue;
    int level = line.rfind("## ", 0) == 0 ? 2 : line.rfind("### ", 0) == 0 ? 3 : 0;
    if (level == 0) continue;
    std::string text(line.substr(static_cast<size_t>(level) + 1));
    // "1. …" would open an ordered list inside the item.
    size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) text.insert(digits, "\\");
    list += (level == 2 ? "- " : "  - ") + text + "\n";
  }
  return md.substr(0, at) + list + md.substr(at + mark.size() + 1);
}

// A template parsed once per thread and kept: a batch renders the same
// template for every project. A Markdown template has its layout marks
// interned first. The caller holds its template while it renders, so a
// cache that starts over (a long-lived process with many template sets)
// never takes a template from under it.
std::shared_ptr<const Template> Parsed(const std::string& body, bool markdown) {
  using Cache = std::map<std::string, std::shared_ptr<const Template>, std::less<>>;
  thread_local Cache caches[2];
  Cache& cache = caches[markdown ? 1 : 0];
  auto it = cache.find(body);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 8) cache.clear();
  auto tmpl = std::make_shared<const Template>(markdown ? InternMarks(body) : body);
  cache.emplace(body, tmpl);
  return tmpl;
}

// A syntax error as the user reads it: the template's file and line.
Diagnostics SyntaxError(const std::string& origin, const Template& tmpl) {
  Diagnostics diags;
  SourceLoc at{origin, tmpl.error_line(), 0, ""};
  const std::string& name = tmpl.error_name();
  switch (tmpl.error()) {
    case Template::Error::kUnclosedTag:
      diags.Error(at, "", msg::kTemplateUnclosedTag, name, tmpl.error_section());
      break;
    case Template::Error::kUnclosedSection:
      diags.Error(at, "", msg::kTemplateUnclosedSection, name, tmpl.error_section());
      break;
    case Template::Error::kUnopenedSection: diags.Error(at, "", msg::kTemplateUnopenedSection, name); break;
    case Template::Error::kMismatchedSection:
      diags.Error(at, "", msg::kTemplateMismatchedSection, name, tmpl.error_section(), tmpl.error_section_line());
      break;
    case Template::Error::kBadDelimiters: diags.Error(at, "", msg::kTemplateBadDelimiters, name); break;
    case Template::Error::kTooDeep: diags.Error(at, "", msg::kTemplateTooDeep, name, Template::kMaxDepth); break;
    case Template::Error::kNone: break;
  }
  return diags;
}

// `origin`: the template's file, named when rendering passes its bound.
std::string RenderTo(const Template& tmpl, const TemplateValue& d, Template::Escape escape,
                     const std::string& origin) {
  std::string out;
  out.reserve(64 * 1024);
  if (!tmpl.Render(d, escape, out))
    Fail(SourceLoc{origin}, "", msg::kTemplateOutputTooLarge, Template::kMaxRenderBytes >> 20, Template::kMaxRenderSteps);
  return out;
}

// The HTML page: report.html.mustache around an HTML body, report.css inline.
std::string RenderPage(const TemplateSet& t, const std::string& title, std::string body) {
  std::shared_ptr<const Template> shell = Parsed(t.files.at("report.html.mustache"), false);
  if (!shell->ok()) throw InputError(SyntaxError(t.origin.at("report.html.mustache"), *shell));
  TemplateValue d;
  d.Set("title", title);
  d.Set("css", t.files.at("report.css"));
  d.Set("body", std::move(body));
  return RenderTo(*shell, d, AppendEscapedHtml, t.origin.at("report.html.mustache"));
}

}  // namespace

namespace {
void AnalyzeTemplates(TemplateSet& t);
}  // namespace

TemplateSet LoadTemplates(const std::string& override_dir) {
  TemplateSet t;
  for (const auto& [name, body] : DefaultTemplates()) {
    t.files[name] = body;
    t.origin[name] = "templates/" + name + "（内置 built-in）";
  }
  if (override_dir.empty()) {
    AnalyzeTemplates(t);
    return t;
  }
  std::error_code ec;
  if (!fs::is_directory(override_dir, ec)) Fail(SourceLoc{override_dir}, "", msg::kTemplateDirMissing);
  for (auto& [name, body] : t.files) {
    fs::path p = fs::path(override_dir) / name;
    if (!fs::exists(p, ec)) continue;
    std::optional<std::string> text = ReadFileBytes(p.string());
    if (!text) Fail(SourceLoc{p.string()}, "", msg::kCannotRead);
    body = std::move(*text);
    t.origin[name] = p.string();
  }
  fs::path reference = fs::path(override_dir) / "reference.docx";
  if (fs::exists(reference, ec)) UseReferenceDocx(t, reference.string());
  AnalyzeTemplates(t);
  return t;
}

void UseReferenceDocx(TemplateSet& t, const std::string& path) {
  t.docx_styles = std::make_shared<const std::string>(ReadReferenceStyles(path));
}

namespace {

// Syntax and variables of every template, checked once when the set is
// loaded; what remains per project is whether its fragments are there.
void AnalyzeTemplates(TemplateSet& t) {
  Diagnostics diags;
  for (const auto& [name, body] : t.files) {
    if (name.size() < 9 || name.compare(name.size() - 9, 9, ".mustache") != 0) continue;
    // The HTML shell sees only the finished page; the Markdown template sees the model.
    std::set<std::string> known = name == "report.html.mustache"
                                      ? std::set<std::string>{"title", "css", "body"}
                                      : std::set<std::string>(TemplateVariables().begin(),
                                                              TemplateVariables().end());
    if (name == "self-report.md.mustache")  // the 自评报告 reads more (self_report_data.cpp)
      known.insert(SelfReportVariables().begin(), SelfReportVariables().end());
    SourceLoc file{t.origin.at(name)};
    Template probe{body};
    if (!probe.ok()) {
      diags.Append(SyntaxError(t.origin.at(name), probe));
      continue;
    }
    std::set<std::string> optional_text;  // text.X opened as a section somewhere
    std::vector<std::pair<std::string, int>> required_text;
    std::vector<const Template::Tag*> open;  // sections open at this tag
    const bool html = name.size() > 14 && name.compare(name.size() - 14, 14, ".html.mustache") == 0;
    for (const Template::Tag& tag : probe.tags()) {
      const std::string& var = tag.name;
      SourceLoc at{file.file, tag.line, 0, ""};
      if (tag.sigil == '#' || tag.sigil == '^') {
        // A section over a list inside one over the same list repeats the
        // whole list for every item (six deep: 22⁶ rows): refused here.
        for (const Template::Tag* o : open)
          if (tag.sigil == '#' && o->sigil == '#' && o->name == var && var != "." && !var.empty()) {
            diags.Error(at, "", msg::kTemplateNestedList, "{{#" + var + "}}", o->line);
            break;  // once per section, naming the outermost it is nested in
          }
        open.push_back(&tag);
      } else if (tag.sigil == '/' && !open.empty()) {
        open.pop_back();
      }
      // In an HTML template, {{{x}}} and {{&x}} put text into the page
      // unescaped: only the finished body and the CSS may go in that way.
      if (html && (tag.sigil == '{' || tag.sigil == '&') && var != "body" && var != "css")
        t.warnings.Add(Severity::kWarning, at, "", msg::kTemplateUnescapedHtml,
                       Format(msg::kTemplateUnescapedHtml,
                              std::string(tag.sigil == '{' ? "{{{" : "{{&") + var + (tag.sigil == '{' ? "}}}" : "}}")));
      if (tag.sigil == '!' || var.empty() || var == ".") continue;
      if (var.rfind("text.", 0) == 0) {
        if (tag.sigil == '#' || tag.sigil == '^') optional_text.insert(var);
        else if (tag.sigil != '/') required_text.emplace_back(var, tag.line);
        continue;
      }
      if (tag.sigil == '>') {
        diags.Error(at, "", msg::kTemplateUnknownVariable, var);
        continue;
      }
      if (!known.count(var)) {
        std::vector<std::string> all(known.begin(), known.end());
        diags.ErrorHint(at, "", NearestName(var, all), msg::kTemplateUnknownVariable, var);
      }
    }
    for (const auto& [var, l] : required_text)
      if (!optional_text.count(var)) t.required.push_back({file.file, l, var.substr(5)});
  }
  if (diags.HasErrors()) throw InputError(diags);
}

}  // namespace

void ValidateTemplates(const TemplateSet& t, const Fragments& fragments,
                       const std::string& markdown_template) {
  Diagnostics diags;
  for (const auto& need : t.required)
    if (!fragments.text.count(need.fragment) &&
        (markdown_template.empty() || need.file == t.origin.at(markdown_template)))
      diags.Error(SourceLoc{need.file, need.line, 0, ""}, "", msg::kMissingFragment,
                  (fs::path(fragments.dir) / (need.fragment + ".md")).string());
  if (diags.HasErrors()) throw InputError(diags);
}

std::string FragmentPlaceholder(const Fragments& fragments, const std::string& name) {
  fs::path folder = fs::path(fragments.dir).filename();
  if (folder.empty()) folder = fs::path(fragments.dir).parent_path().filename();  // "text/"
  return "【待补充：" + name + "（" + (folder / (name + ".md")).generic_string() + "）】";
}

Fragments FillMissingFragments(const TemplateSet& t, const Fragments& fragments,
                               const std::string& markdown_template, Diagnostics& warnings) {
  Fragments filled = fragments;
  for (const auto& need : t.required) {
    if (filled.text.count(need.fragment) ||
        (!markdown_template.empty() && need.file != t.origin.at(markdown_template)))
      continue;
    std::string placeholder = FragmentPlaceholder(fragments, need.fragment);
    warnings.Add(Severity::kWarning, SourceLoc{need.file, need.line, 0, ""}, "", msg::kFragmentPlaceholder,
                 Format(msg::kFragmentPlaceholder, (fs::path(fragments.dir) / (need.fragment + ".md")).string(),
                        placeholder));
    filled.text[need.fragment] = placeholder;
  }
  return filled;
}

void CheckRendered(const ScoredProject& sp, const Fragments& fragments, const ReportOptions& options,
                   Diagnostics& warnings) {
  std::vector<Finding> findings =
      options.check ? options.check->findings : CheckProject(sp, CheckOptions{}).findings;
  for (Finding& f : CheckNarrative(sp, fragments.sources)) findings.push_back(std::move(f));
  Diagnostics found;
  for (const Finding& f : findings)
    found.Add(options.strict ? Severity::kError : Severity::kWarning, f.loc, f.indicator, msg::kReportInconsistency,
              Text{fmt::format(fmt::runtime(msg::kReportInconsistency.zh), FindingMessage(f, Language::kChinese)),
                   fmt::format(fmt::runtime(msg::kReportInconsistency.en), FindingMessage(f, Language::kEnglish))});
  if (options.strict && found.HasErrors()) throw InputError(found);
  warnings.Append(found);
}

// The report's charts for report.docx, with the figures the SVG charts of
// report.html draw (render_html.cpp) and the same captions.
std::vector<DocxChart> DocxCharts(const ScoredProject& sp) {
  std::vector<DocxChart> charts;
  DocxChart level1;
  level1.mark = std::string(kMarkChar) + "chart:level1" + kMarkChar;
  level1.horizontal = level1.stacked = level1.percent = true;
  level1.caption = "一级指标得分率";
  DocxSeries full{"得满分", "2F5597", {}}, lost{"有扣分", "C55A11", {}};
  for (const auto& r : sp.roots) {
    level1.categories.push_back(r.def->code + " " + r.def->name);
    Decimal rate = r.rate.value_or(Decimal());
    (rate < Decimal(1) ? lost : full).values.push_back(rate.ToShort(kRatePlaces));
    (rate < Decimal(1) ? full : lost).values.push_back(std::nullopt);
  }
  level1.series = {full, lost};
  charts.push_back(std::move(level1));
  const auto& years = sp.project->funds.balances;
  if (years.size() >= 2) {
    DocxChart funds;
    funds.mark = std::string(kMarkChar) + "chart:balances" + kMarkChar;
    funds.unit = sp.project->funds.unit;
    funds.caption = "资金收支与结余（单位：" + sp.project->funds.unit + "）";
    DocxSeries in{"当年收入", "2F5597", {}}, out{"当年支出", "C55A11", {}}, closing{"年末结余", "7F7F7F", {}};
    for (const auto& y : years) {
      funds.categories.push_back(y.year + " 年");
      in.values.push_back(y.income.ToShort(kMoneyPlaces));
      out.values.push_back(y.spending.ToShort(kMoneyPlaces));
      closing.values.push_back(y.closing.ToShort(kMoneyPlaces));
    }
    funds.series = {in, out, closing};
    charts.push_back(std::move(funds));
  }
  return charts;
}

Report RenderReport(const ScoredProject& sp, const TemplateSet& t, const Fragments& given,
                    const ReportOptions& options) {
  // A self-evaluation (layout: self_evaluation) is a 自评报告 from its own template.
  const bool self = ReportKindOf(sp) == ReportKind::kSelfEvaluation;
  const std::string md_name = MarkdownTemplateFor(ReportKindOf(sp));
  Report r;
  // A required fragment the project lacks: refused when strict, else a
  // placeholder in its section and a warning.
  if (options.strict) ValidateTemplates(t, given, md_name);
  std::optional<Fragments> filled;
  if (!options.strict) {
    filled = FillMissingFragments(t, given, md_name, r.warnings);
    if (r.warnings.All().empty()) filled.reset();  // nothing missing: the project's own
  }
  const Fragments& fragments = filled ? *filled : given;
  CheckRendered(sp, given, options, r.warnings);
  std::shared_ptr<const Template> md_tmpl = Parsed(t.files.at(md_name), true);
  if (!md_tmpl->ok()) throw InputError(SyntaxError(t.origin.at(md_name), *md_tmpl));
  TemplateValue data = self ? BuildSelfReportData(sp, fragments) : BuildReportData(sp, fragments);
  if (options.previous) AddPreviousYear(data, sp, *options.previous);
  std::string marked = RenderTo(*md_tmpl, data, AppendEscapedMarkdown, t.origin.at(md_name));

  marked = PlaceContents(marked);
  r.markdown = StripMarks(marked);
  r.docx_charts = DocxCharts(sp);
  r.docx_styles = t.docx_styles;
  // One parse of the Markdown for report.html and report.docx.
  std::string body = MarkdownToHtml(marked, [&](cmark_node* doc, TablePlans& plans) {
    r.docx = RenderDocxFromMarkedTree(doc, marked.size(), r.docx_styles.get(), &r.docx_charts, &plans);
  });
  // The tree would not do for report.docx: its own parse, of the Markdown with the charts' marks.
  if (r.docx.empty()) r.docx_markdown = StripMarks(marked, "chart:");
  // Each layout mark becomes its HTML in one pass over the page; a mark
  // alone in a paragraph takes the <p> with it.
  std::map<std::string, std::string> marks = {
      {"cover", "<section class=\"cover\">"},
      {"/cover", "</section>"},
      {"landscape", "<section class=\"landscape\">"},
      {"/landscape", "</section>"},
      {"form", "<section class=\"landscape self-form\">"},  // the 自评表 annex of a 自评报告
      {"/form", "</section>"},
      {"self", "<div class=\"self-report\">"},  // the whole 自评报告, for its own styles
      {"/self", "</div>"},
      {"signature", "<div class=\"signature\">"},  // 评价机构（盖章）, 主评人（签字）, the date
      {"/signature", "</div>"},
      {"pagebreak", "<div class=\"page-break\"></div>"},
  };
  // Figures numbered in the order they stand in the report: 图1, 图2.
  struct Chart {
    std::string mark, svg, caption;
  };
  std::vector<Chart> charts = {
      {"chart:balances", SvgBalanceChart(sp), "资金收支与结余（单位：" + XmlEscape(sp.project->funds.unit) + "）"},
      {"chart:level1", SvgLevel1Chart(sp), "一级指标得分率"},
  };
  std::sort(charts.begin(), charts.end(), [&](const Chart& a, const Chart& b) {
    return marked.find(kMarkChar + a.mark + kMarkChar) < marked.find(kMarkChar + b.mark + kMarkChar);
  });
  int figure = 0;
  for (const Chart& c : charts) {
    const bool placed = !c.svg.empty() && marked.find(kMarkChar + c.mark + kMarkChar) != std::string::npos;
    marks[c.mark] = placed ? fmt::format("<figure class=\"chart\">{}<figcaption>图{} {}</figcaption></figure>", c.svg,
                                         ++figure, c.caption)
                           : "";
  }
  body = PlaceMarks(body, marks);

  r.html = RenderPage(t, self ? SelfReportTitle(sp.project->info.name) : sp.project->info.name + "绩效评价报告",
                      std::move(body));
  return r;
}

std::string RenderStandaloneHtml(const std::string& title, const std::string& markdown) {
  TemplateSet t = LoadTemplates("");
  return RenderPage(t, title, MarkdownToHtml(markdown));
}

}  // namespace jixiao
