#include "render/report_data.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "base/precision.h"
#include "base/read_file.h"
#include "render/report_mustache.h"
#include "rules/rule_kind.h"
#include "rules/rules.h"

namespace fs = std::filesystem;

namespace jixiao {

using data = TemplateValue;
namespace {


std::string ReadText(const InputFiles& files, const std::string& path) {
  std::string s = files.Read(path).value_or("");
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}




std::string Money(const Decimal& d) { return MoneyText(d); }

}  // namespace

std::string GroupThousands(const std::string& number) {
  size_t digits = 0;
  while (digits < number.size() && !(number[digits] >= '0' && number[digits] <= '9')) ++digits;  // a sign
  size_t end = number.find('.', digits);
  if (end == std::string::npos) end = number.size();
  std::string out = number.substr(0, digits);
  for (size_t i = digits; i < end; ++i) {
    out += number[i];
    const size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + number.substr(end);
}

std::string MoneyText(const Decimal& d) { return GroupThousands(d.ToFixed(kMoneyPlaces)); }

std::string WrittenMoneyText(const Decimal& d) {
  std::string s = d.ToShort(kWrittenFigurePlaces);
  const size_t dot = s.find('.');
  const size_t places = dot == std::string::npos ? 0 : s.size() - dot - 1;
  if (places < static_cast<size_t>(kMoneyPlaces)) s = d.ToFixed(kMoneyPlaces);
  return GroupThousands(s);
}

namespace {

// The stems of the .md files directly in `dir`, sorted; none when it is missing.
std::vector<std::string> MarkdownStems(const InputFiles& files, const std::string& dir) {
  std::vector<std::string> stems;
  for (auto& name : files.FileNames(dir))
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) stems.push_back(std::move(name));
  std::sort(stems.begin(), stems.end());  // by file name, ".md" included: annexes keep that order
  for (auto& s : stems) s.resize(s.size() - 3);
  return stems;
}

}  // namespace

Fragments LoadFragments(const InputFiles& files, const std::string& text_dir) {
  Fragments f;
  f.dir = fs::path(text_dir).string();
  // A file in a folder, as fs::path's / joins them.
  auto in = [](const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder.back() == '/' ? folder + name : folder + "/" + name;
  };
  const std::string annex_prefix = "附件-";
  for (const auto& stem : MarkdownStems(files, f.dir)) {
    std::string path = in(f.dir, stem + ".md");
    std::string body = ReadText(files, path);
    f.sources.push_back(NarrativeFile{std::move(path), body});
    if (stem.rfind(annex_prefix, 0) == 0) {
      std::string title = stem.substr(annex_prefix.size());
      if (body.rfind("# ", 0) == 0) {
        size_t nl = body.find('\n');
        title = body.substr(2, nl == std::string::npos ? std::string::npos : nl - 2);
        body = nl == std::string::npos ? "" : body.substr(nl + 1);
      }
      f.annexes.emplace_back(title, body);
    } else {
      f.text[stem] = std::move(body);
    }
  }
  const std::string ev = in(f.dir, "指标");
  for (const auto& code : MarkdownStems(files, ev)) {
    std::string path = in(ev, code + ".md");
    std::string& body = f.evidence[code] = ReadText(files, path);
    f.sources.push_back(NarrativeFile{std::move(path), body});
  }
  return f;
}

namespace {

// What EscapeMarkdown does to each byte: 0 copy, 1 backslash first,
// 2 drop (\r), 3 space (\n), 4 a possible layout mark's lead byte, 5 a
// possible autolink (':' of "://", 'w' of "www.").
struct EscapeTable {
  unsigned char action[256] = {};
  EscapeTable() {
    for (unsigned char c : std::string("\\*_[]<>|#`~&")) action[c] = 1;
    action[static_cast<unsigned char>('\r')] = 2;
    action[static_cast<unsigned char>('\n')] = 3;
    action[static_cast<unsigned char>(kMarkChar[0])] = 4;
    for (unsigned char c : std::string(":wW")) action[c] = 5;
  }
};
const EscapeTable kEscape;

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// At s[i], an autolink cmark-gfm's extension would make: "://" (http://…)
// or "www." at a word's start. (An e-mail address still becomes a mailto:
// link: the extension joins the text around an escape before it looks,
// and an address cannot take in the text beside it.)
bool StartsAutolink(std::string_view s, size_t i) {
  switch (s[i]) {
    case ':': return s.compare(i + 1, 2, "//") == 0;
    default:
      if (i > 0 && IsAsciiAlnum(s[i - 1])) return false;
      if (s.size() - i < 4) return false;
      for (size_t k = 0; k < 3; ++k)
        if (s[i + k] != 'w' && s[i + k] != 'W') return false;
      return s[i + 3] == '.';
  }
}

// The start of a value may be the start of a line in the template: what
// Markdown would read there as a block (a list item "2025. ", "- ", "+ ",
// a rule or heading underline "---", "===", an indented code block) is
// escaped, and leading blanks become one space (never an indent).
std::string_view EscapeLineStart(std::string& out, std::string_view s) {
  size_t lead = 0;
  while (lead < s.size() && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\n' || s[lead] == '\r')) ++lead;
  if (lead > 0) out += ' ';
  s.remove_prefix(lead);
  if (s.empty()) return s;
  auto blank_or_end = [&](size_t at) { return at >= s.size() || s[at] == ' ' || s[at] == '\t' || s[at] == '\n'; };
  const char c = s[0];
  if (c == '-' || c == '+' || c == '=') {
    if (blank_or_end(1) || s[1] == c) {
      out += '\\';
      out += c;
      s.remove_prefix(1);
    }
    return s;
  }
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 9 && digits < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      blank_or_end(digits + 1)) {
    out.append(s.substr(0, digits));
    out += '\\';
    out += s[digits];
    s.remove_prefix(digits + 1);
  }
  return s;
}

}  // namespace

void AppendEscapedMarkdown(std::string& out, std::string_view s) {
  s = EscapeLineStart(out, s);
  size_t run = 0;  // start of the bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char action = kEscape.action[static_cast<unsigned char>(s[i])];
    if (action == 0 || (action == 4 && s.compare(i, 3, kMarkChar) != 0) || (action == 5 && !StartsAutolink(s, i)))
      continue;
    out.append(s, run, i - run);
    switch (action) {
      case 1: out += '\\'; out += s[i]; break;
      case 3: out += ' '; break;
      case 4: i += 2; break;  // no layout marks from inputs
      case 5:
        // No live link from an input's text: "http\://", "www\.".
        if (s[i] == ':') {
          out += '\\';
          out += s[i];
        } else {
          out.append(s, i, 3);
          out += "\\.";
          i += 3;
        }
        break;
      default: break;         // \r goes
    }
    run = i + 1;
  }
  out.append(s, run, std::string_view::npos);
}

std::string EscapeMarkdown(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  AppendEscapedMarkdown(out, s);
  return out;
}

std::string SanitizeFragment(const std::string& md) {
  std::string out;
  out.reserve(md.size() + 16);
  // Fragments are long and rarely hold either byte: memchr finds the next
  // '<' and the next lead byte of a layout mark, and the text between them
  // is copied whole.
  const char* begin = md.data();
  const char* end = begin + md.size();
  auto next = [end](const char* from, char c) {
    const void* at = std::memchr(from, c, static_cast<size_t>(end - from));
    return at ? static_cast<const char*>(at) : end;
  };
  const char* run = begin;
  const char* lt = next(begin, '<');
  const char* lead = next(begin, kMarkChar[0]);
  while (lt != end || lead != end) {
    const char* at = lt < lead ? lt : lead;
    out.append(run, static_cast<size_t>(at - run));
    if (at == lt) {
      out += "\\<";  // no raw HTML from inputs
      run = at + 1;
      lt = next(run, '<');
    } else {
      bool mark = md.compare(static_cast<size_t>(at - begin), 3, kMarkChar) == 0;
      run = mark ? at + 3 : at;  // no layout marks from inputs; another character stays
      lead = next(at + 1, kMarkChar[0]);
      if (lt < run) lt = next(run, '<');
    }
  }
  out.append(run, static_cast<size_t>(end - run));
  return out;
}

std::string DescribeRule(const Indicator& ind) {
  if (!ind.rule) return "";
  return UnitOf(ind.rule->kind).Describe(ind, *ind.rule);  // rules/kinds/<kind>.cpp
}

std::string ChineseOrdinal(size_t i) {
  static const char* digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  size_t n = i + 1;
  if (n < 10) return digits[n - 1];
  if (n >= 100) return std::to_string(n);
  // 10 十, 11 十一, 20 二十, 21 二十一, 99 九十九
  return std::string(n >= 20 ? digits[n / 10 - 1] : "") + "十" + (n % 10 ? digits[n % 10 - 1] : "");
}

std::string AnnexList::Add(const std::string& title) {
  data a;
  a.Set("number", "附件 " + std::to_string(next_));
  a.Set("title", title);
  list_.Append(std::move(a));
  return std::to_string(next_++);
}

data AnnexList::AddFragments(const Fragments& fragments) {
  data extras = TemplateValue::List();
  for (const auto& [title, body] : fragments.annexes) {
    data e;
    e.Set("number", Add(title));
    e.Set("title", title);
    e.Set("body", SanitizeFragment(body));
    extras.Append(std::move(e));
  }
  return extras;
}

const std::vector<std::string>& TemplateVariables() {
  static const std::vector<std::string> names = {
      // project and system
      "project.name", "project.year", "project.department", "project.implementer",
      "project.commissioner", "project.evaluator", "project.lead_evaluator", "project.date",
      "system.name", "system.total", "system.level_counts", "system.deduction_cap", "system.depth",
      // results
      "total", "grade", "total_rate", "sum", "deductions", "has_deductions", "deduction_items",
      "grades", "grades_note", "range", "toc", "lost_count", "lost_names", "lost_leaves",
      "lost_points", "level1", "ordinal", "index", "has_table", "rows", "group", "leaves",
      "explanation", "evidence", "rule_sentence", "lost", "reason", "score_rows", "l1", "l2", "l3",
      "criteria", "code", "name", "weight", "score", "rate", "points",
      // funds
      "funds.unit", "funds.total_income", "funds.has_sources", "funds.sources",
      "funds.sources_total", "funds.has_uses", "funds.uses", "funds.uses_total",
      "funds.has_balances", "funds.balances", "amount", "share", "note", "year", "opening",
      "income", "spending", "net", "closing",
      // surveys, annexes, comments
      "has_surveys", "surveys", "title", "has_counts", "options", "count", "has_items", "items",
      "mean", "annexes", "number", "annex_survey", "annex_scoring_notes", "annex_comments",
      "scoring_notes", "has_comments", "comments", "from", "comment", "response", "extra_annexes",
      "body", "own_reason", "deductions_capped", "funds.sources_share_total", "share_total",
      // last year's figures, from the archive (previous_year.cpp)
      "previous", "previous.year", "previous.last_total", "previous.last_grade", "previous.change",
      "previous.sentence", "previous.rows", "last_score", "last_total", "last_grade", "change", "sentence"};
  return names;
}

data BuildReportData(const ScoredProject& sp, const Fragments& frag) {
  const Project& p = *sp.project;
  const IndicatorSystem& sys = sp.system();
  data d;

  data project;
  project.Set("name", OptText(p.info.name));
  project.Set("year", OptText(p.info.year));
  project.Set("department", OptText(p.info.department));
  project.Set("implementer", OptText(p.info.implementer));
  project.Set("commissioner", OptText(p.info.commissioner));
  project.Set("evaluator", OptText(p.info.evaluator));
  project.Set("lead_evaluator", OptText(p.info.lead_evaluator));
  project.Set("date", OptText(p.info.date));
  d.Set("project", std::move(project));

  static const char* level_names[] = {"一级", "二级", "三级", "四级", "五级"};
  std::string counts;
  for (int level = 1; level <= sys.Depth() && level <= 5; ++level)
    counts += fmt::format("{}{} 项{}指标", level > 1 ? "、" : "", sys.CountAtLevel(level),
                          level_names[level - 1]);
  data system;
  system.Set("name", sys.name);
  system.Set("total", sys.total.ToShort(kScorePlaces));
  system.Set("level_counts", counts);
  system.Set("depth", std::to_string(sys.Depth()));
  if (sys.deduction_cap) system.Set("deduction_cap", sys.deduction_cap->ToShort(kScorePlaces));
  else system.Set("deduction_cap", false);
  d.Set("system", std::move(system));

  d.Set("total", sp.total.ToFixed(kScorePlaces));
  d.Set("grade", sp.grade);
  d.Set("total_rate", RateText(sp.total_rate));
  d.Set("sum", sp.sum.ToFixed(kScorePlaces));
  d.Set("deductions", sp.deductions.ToFixed(kScorePlaces));
  d.Set("has_deductions", !p.deductions.empty());
  d.Set("deductions_capped", sp.deductions != sp.deductions_claimed);
  data ded_items = TemplateValue::List();
  for (const auto& x : p.deductions) {
    data item;
    item.Set("reason", x.reason);
    item.Set("points", x.points.ToFixed(kScorePlaces));
    ded_items.Append(std::move(item));
  }
  d.Set("deduction_items", std::move(ded_items));

  // Grade bands as the reader expects them: 100≥X≥90, 90>X≥80, …, X<60.
  data grades = TemplateValue::List();
  for (size_t i = 0; i < sys.grades.size(); ++i) {
    const GradeBand& g = sys.grades[i];
    std::string range;
    if (sys.integer_grade_bands && !g.written.empty() && g.written[0] != '\xE2') range = g.written + " 分";
    // X is out of 100 whatever the total (GradePoints): a total of 200 is graded on its share.
    else if (i == 0) range = fmt::format("100≥X≥{}", g.min.ToShort(kScorePlaces));
    else if (g.min.IsZero() && i + 1 == sys.grades.size()) range = fmt::format("X<{}", sys.grades[i - 1].min.ToShort(kScorePlaces));
    else range = fmt::format("{}>X≥{}", sys.grades[i - 1].min.ToShort(kScorePlaces), g.min.ToShort(kScorePlaces));
    data gd;
    gd.Set("name", g.name);
    gd.Set("range", range);
    grades.Append(std::move(gd));
  }
  d.Set("grades", std::move(grades));
  d.Set("grades_note", !sys.integer_grade_bands ? data(false) : data(
                           std::string("等级区间按整数书写（如“80-89 分”），按左闭右开区间理解，即 80 ≤ X < 90，89.5 分属于该档。")));

  // Indicators that lost points.
  auto lost = sp.LostLeaves();
  std::string lost_names;
  data lost_leaves = TemplateValue::List();
  for (size_t i = 0; i < lost.size(); ++i) {
    const ScoredIndicator& s = *lost[i];
    lost_names += (i ? "、" : "") + s.def->name;
    data item;
    item.Set("ordinal", ChineseOrdinal(i));
    item.Set("code", s.def->code);
    item.Set("name", s.def->name);
    item.Set("lost_points", (s.def->weight - s.score).ToFixed(kScorePlaces));
    item.Set("reason", s.reason);
    lost_leaves.Append(std::move(item));
  }
  d.Set("lost_count", lost.empty() ? data(false) : data(std::to_string(lost.size())));
  d.Set("lost_names", lost_names);
  d.Set("lost_leaves", std::move(lost_leaves));

  // 四、per 一级: a table of its leaves and a paragraph per leaf.
  data level1 = TemplateValue::List();
  data score_rows = TemplateValue::List();
  for (size_t i = 0; i < sp.roots.size(); ++i) {
    const ScoredIndicator& root = sp.roots[i];
    data l1;
    l1.Set("code", root.def->code);
    l1.Set("name", root.def->name);
    l1.Set("weight", root.def->weight.ToShort(kScorePlaces));
    l1.Set("score", root.score.ToFixed(kScorePlaces));
    l1.Set("rate", RateText(root.rate));
    l1.Set("ordinal", ChineseOrdinal(i));
    l1.Set("index", std::to_string(i + 1));
    data rows = TemplateValue::List();
    data leaves = TemplateValue::List();
    // Leaves with their 二级 ancestor, depth-first.
    std::vector<std::pair<const ScoredIndicator*, const ScoredIndicator*>> flat;  // (leaf, 二级)
    std::function<void(const ScoredIndicator&, const ScoredIndicator*)> walk =
        [&](const ScoredIndicator& s, const ScoredIndicator* l2) {
          if (s.def->level == 2) l2 = &s;
          if (s.children.empty()) flat.emplace_back(&s, l2);
          for (const auto& c : s.children) walk(c, l2);
        };
    walk(root, nullptr);
    for (const auto& pair : flat) {
      // Named, not a structured binding: a lambda below captures `leaf`
      // (C++17, and clang before 16, allow that only for variables).
      const ScoredIndicator* leaf = pair.first;
      const ScoredIndicator* l2 = pair.second;
      const Indicator& def = *leaf->def;
      if (leaf != &root) {
        data row;
        // The 二级 on every row it covers; the HTML and Word merge the repeats (render/table_plan.h).
        row.Set("group", l2 && l2 != leaf ? l2->def->code + " " + l2->def->name : "");
        row.Set("code", def.code);
        row.Set("name", def.name);
        row.Set("weight", def.weight.ToShort(kScorePlaces));
        row.Set("score", leaf->score.ToFixed(kScorePlaces));
        row.Set("rate", RateText(leaf->rate));
        rows.Append(std::move(row));
      }
      data lf;
      lf.Set("code", def.code);
      lf.Set("name", def.name);
      lf.Set("weight", def.weight.ToShort(kScorePlaces));
      lf.Set("score", leaf->score.ToFixed(kScorePlaces));
      lf.Set("rate", RateText(leaf->rate));
      lf.Set("explanation", def.explanation);
      auto ev = frag.evidence.find(def.code);
      auto answer = sp.project->answers.find(def.code);  // 佐证材料 from the workbook
      if (ev != frag.evidence.end()) lf.Set("evidence", SanitizeFragment(ev->second));
      else if (answer != sp.project->answers.end() && !answer->second.evidence.empty())
        lf.Set("evidence", EscapeMarkdown(answer->second.evidence));
      else lf.Set("evidence", false);
      lf.Set("rule_sentence", leaf->explanation);
      lf.Set("lost", leaf->Lost());
      lf.Set("reason", leaf->reason);
      lf.Set("own_reason", leaf->Lost() && leaf->reason != leaf->explanation);
      leaves.Append(std::move(lf));

      // 附件1 row: ancestors by level.
      std::string names[3];
      const ScoredIndicator* chain[8] = {};
      std::function<bool(const ScoredIndicator&)> find = [&](const ScoredIndicator& s) {
        chain[s.def->level - 1] = &s;
        if (&s == leaf) return true;
        for (const auto& c : s.children)
          if (find(c)) return true;
        return false;
      };
      find(root);
      for (int lv = 0; lv < 3 && lv < def.level; ++lv) {
        const Indicator& a = *chain[lv]->def;
        names[lv] = a.code + " " + a.name + "（" + a.weight.ToShort(kScorePlaces) + "）";
      }
      // A parent is named on every row it covers, so that each row of
      // report.md reads whole; the HTML and Word merge the repeats into one
      // cell as 评分表.xlsx does (render/table_plan.h).
      data sr;
      sr.Set("l1", names[0]);
      sr.Set("l2", names[1]);
      sr.Set("l3", def.level >= 3 ? names[2] : "");
      sr.Set("weight", def.weight.ToShort(kScorePlaces));
      sr.Set("explanation", def.explanation);
      sr.Set("criteria", def.criteria);
      sr.Set("score", leaf->score.ToFixed(kScorePlaces));
      sr.Set("reason", leaf->Lost() ? leaf->reason : "");
      score_rows.Append(std::move(sr));
    }
    l1.Set("has_table", rows.Size() != 0);
    l1.Set("rows", std::move(rows));
    l1.Set("leaves", std::move(leaves));
    level1.Append(std::move(l1));
  }
  d.Set("level1", std::move(level1));
  d.Set("score_rows", std::move(score_rows));

  // Funds.
  const Funds& f = p.funds;
  data funds;
  funds.Set("unit", f.unit);
  Decimal src_total, use_total;
  for (const auto& r : f.sources) src_total += r.amount;
  for (const auto& r : f.uses) use_total += r.amount;
  data sources = TemplateValue::List(), uses = TemplateValue::List(), balances = TemplateValue::List();
  // Shares are each rounded on their own; the total row shows the sum of the
  // displayed shares, so the column adds up as printed (it may be 99.99%).
  Decimal share_sum;
  for (const auto& r : f.sources) {
    data row;
    row.Set("name", r.name);
    row.Set("amount", Money(r.amount));
    Decimal share = src_total.IsZero() ? Decimal() : (r.amount / src_total).Round(kRatePlaces);
    share_sum += share;
    row.Set("share", src_total.IsZero() ? "—" : share.ToPercent(kPercentPlaces));
    sources.Append(std::move(row));
  }
  funds.Set("sources_share_total", src_total.IsZero() ? "—" : share_sum.ToPercent(kPercentPlaces));
  for (const auto& r : f.uses) {
    data row;
    row.Set("name", r.name);
    row.Set("amount", Money(r.amount));
    row.Set("note", r.note);
    uses.Append(std::move(row));
  }
  for (const auto& y : f.balances) {
    data row;
    row.Set("year", y.year);
    row.Set("opening", Money(y.opening));
    row.Set("income", Money(y.income));
    row.Set("spending", Money(y.spending));
    row.Set("net", Money(y.income - y.spending));
    row.Set("closing", Money(y.closing));
    balances.Append(std::move(row));
  }
  funds.Set("has_sources", !f.sources.empty());
  funds.Set("sources", std::move(sources));
  funds.Set("sources_total", Money(src_total));
  funds.Set("has_uses", !f.uses.empty());
  funds.Set("uses", std::move(uses));
  funds.Set("uses_total", Money(use_total));
  funds.Set("has_balances", !f.balances.empty());
  funds.Set("balances", std::move(balances));
  if (!f.sources.empty()) funds.Set("total_income", " " + Money(src_total) + " ");
  else funds.Set("total_income", false);
  d.Set("funds", std::move(funds));

  // Surveys: shares computed from the counts (附件2).
  data surveys = TemplateValue::List();
  size_t table_no = 1;
  for (const auto& s : p.surveys) {
    data sv;
    sv.Set("index", std::to_string(table_no++));
    sv.Set("title", s.title.empty() ? s.id : s.title);
    Decimal total;
    for (const auto& c : s.counts) total += c;
    data options = TemplateValue::List();
    Decimal survey_share_sum;
    for (size_t i = 0; i < s.options.size(); ++i) {
      data o;
      o.Set("name", s.options[i]);
      o.Set("count", s.counts[i].ToShort(kCountPlaces));
      Decimal share = total.IsZero() ? Decimal() : (s.counts[i] / total).Round(kRatePlaces);
      survey_share_sum += share;
      o.Set("share", total.IsZero() ? "—" : share.ToPercent(kPercentPlaces));
      options.Append(std::move(o));
    }
    sv.Set("share_total", total.IsZero() ? "—" : survey_share_sum.ToPercent(kPercentPlaces));
    sv.Set("has_counts", !s.options.empty());
    sv.Set("options", std::move(options));
    sv.Set("total", total.ToShort(kCountPlaces));
    data items = TemplateValue::List();
    Decimal sum;
    for (const auto& [name, rate] : s.items) {
      data it;
      it.Set("name", name);
      it.Set("rate", rate.ToPercent(kPercentPlaces));
      items.Append(std::move(it));
      sum += rate;
    }
    sv.Set("has_items", !s.items.empty());
    sv.Set("items", std::move(items));
    sv.Set("mean", s.items.empty() ? "" : (sum / Decimal(static_cast<long>(s.items.size()))).ToPercent(kPercentPlaces));
    surveys.Append(std::move(sv));
  }
  d.Set("has_surveys", !p.surveys.empty());
  d.Set("surveys", std::move(surveys));

  // Annex numbers follow what the project has.
  AnnexList annexes;
  annexes.Add("绩效评价指标评分表");
  d.Set("annex_survey", p.surveys.empty() ? std::string() : annexes.Add("满意度调查"));
  d.Set("annex_scoring_notes", annexes.Add("评分说明"));
  d.Set("annex_comments", p.comments.empty() ? std::string() : annexes.Add("意见反馈及采纳情况"));
  data extras = annexes.AddFragments(frag);
  d.Set("annexes", annexes.List());
  d.Set("extra_annexes", std::move(extras));

  // 评分说明: how every number was made.
  data notes = TemplateValue::List();
  notes.Append(data(fmt::format("评价实行百分制，总分 {} 分；综合得分 = 一级指标得分之和{}。", sys.total.ToShort(kScorePlaces),
                                   sys.deduction_cap ? fmt::format(" − 减分项（减分上限 {} 分）", sys.deduction_cap->ToShort(kScorePlaces)) : "")));
  notes.Append(data(std::string("比率（执行率、知晓率、满意度等）先按百分比保留两位小数四舍五入，再据以计分；指标得分保留两位小数四舍五入；上级指标得分为其下级指标显示得分之和；得分率 = 得分 ÷ 权重。")));
  std::string bands;
  for (size_t i = 0; i < sys.grades.size(); ++i)
    bands += (i ? "，" : "") + sys.grades[i].name + " ≥ " + sys.grades[i].min.ToShort(kScorePlaces);
  notes.Append(data("评价等级：" + bands + "（各档为左闭右开区间）。" +
                       (sys.integer_grade_bands ? "指标体系按整数书写等级区间（如“80-89 分”），按 [80, 90) 理解。" : "")));
  for (const auto& n : sys.notes) notes.Append(data(n));
  sys.ForEach([&](const Indicator& ind) {
    if (!ind.rule) return;
    const ScoredIndicator* s = sp.Find(ind.code);
    std::string line = ind.code + " " + ind.name + "：" + DescribeRule(ind) + "。";
    if (s && s->overridden) line += "本项由评价组调整评分，理由见附件 1。";
    // 不具备评价条件: the treatment named, for the indicator or its points.
    auto a = p.answers.find(ind.code);
    if (a != p.answers.end()) {
      const Answer& ans = a->second;
      auto because = [](const std::string& r) { return r.empty() ? std::string() : "（" + r + "）"; };
      if (ans.not_assessable == "full")
        line += "本年度不具备评价条件" + because(ans.reason) + "，暂不扣分，按满分计。";
      else if (ans.not_assessable == "rescale")
        line += "本年度不具备评价条件" + because(ans.reason) + "，不计分，其分值按折算计分分配给其他指标。";
      for (const PointAnswer& pa : ans.points) {
        if (pa.not_assessable.empty()) continue;
        line += "要点" + CircledNumber(pa.number) + "本年度不具备评价条件" + because(pa.reason) +
                (pa.not_assessable == "full" ? "，暂不扣分，按该要点分值计。" : "，其分值按比例计入其余要点。");
      }
    }
    notes.Append(data(line));
  });
  d.Set("scoring_notes", std::move(notes));

  data comments = TemplateValue::List();
  for (size_t i = 0; i < p.comments.size(); ++i) {
    const Comment& c = p.comments[i];
    data cm;
    cm.Set("index", std::to_string(i + 1));
    cm.Set("from", c.from);
    cm.Set("comment", c.comment);
    cm.Set("response", c.response);
    cm.Set("reason", c.reason);
    comments.Append(std::move(cm));
  }
  d.Set("has_comments", !p.comments.empty());
  d.Set("comments", std::move(comments));

  data toc = TemplateValue::List();
  for (const char* t : {"摘要", "一、项目基本情况", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论",
                        "四、绩效评价指标分析", "五、主要绩效及经验做法", "六、存在的问题及原因分析",
                        "七、下一步改进意见及政策建议", "八、附件"})
    toc.Append(data(std::string(t)));
  d.Set("toc", std::move(toc));

  data text;
  for (const auto& [name, body] : frag.text) text.Set(name, SanitizeFragment(body));
  d.Set("text", std::move(text));
  return d;
}

}  // namespace jixiao
