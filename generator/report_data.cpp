#include "report_data.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "read_file.h"
#include "report_mustache.h"
#include "rules.h"

namespace fs = std::filesystem;

namespace jixiao {

using data = TemplateValue;
namespace {


std::string ReadText(const fs::path& p) {
  std::string s = ReadFileBytes(p.string()).value_or("");
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}




std::string Money(const Decimal& d) { return d.ToShort(2); }

}  // namespace

namespace {

// The stems of the .md files directly in `dir`, sorted; none when it is missing.
std::vector<std::string> MarkdownStems(const fs::path& dir) {
  std::vector<std::string> stems;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) stems.push_back(std::move(name));
  }
  std::sort(stems.begin(), stems.end());  // by file name, ".md" included: annexes keep that order
  for (auto& s : stems) s.resize(s.size() - 3);
  return stems;
}

}  // namespace

Fragments LoadFragments(const std::string& text_dir) {
  Fragments f;
  fs::path dir = fs::path(text_dir);
  f.dir = dir.string();
  const std::string annex_prefix = "附件-";
  for (const auto& stem : MarkdownStems(dir)) {
    std::string body = ReadText(dir / (stem + ".md"));
    if (stem.rfind(annex_prefix, 0) == 0) {
      std::string title = stem.substr(annex_prefix.size());
      if (body.rfind("# ", 0) == 0) {
        size_t nl = body.find('\n');
        title = body.substr(2, nl == std::string::npos ? std::string::npos : nl - 2);
        body = nl == std::string::npos ? "" : body.substr(nl + 1);
      }
      f.annexes.emplace_back(title, body);
    } else {
      f.text[stem] = body;
    }
  }
  fs::path ev = dir / "指标";
  for (const auto& code : MarkdownStems(ev)) f.evidence[code] = ReadText(ev / (code + ".md"));
  return f;
}

namespace {

// What EscapeMarkdown does to each byte: 0 copy, 1 backslash first,
// 2 drop (\r), 3 space (\n), 4 a possible layout mark's lead byte.
struct EscapeTable {
  unsigned char action[256] = {};
  EscapeTable() {
    for (unsigned char c : std::string("\\*_[]<>|#`~&")) action[c] = 1;
    action[static_cast<unsigned char>('\r')] = 2;
    action[static_cast<unsigned char>('\n')] = 3;
    action[static_cast<unsigned char>(kMarkChar[0])] = 4;
  }
};
const EscapeTable kEscape;

}  // namespace

void AppendEscapedMarkdown(std::string& out, std::string_view s) {
  size_t run = 0;  // start of the bytes copied as they are
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char action = kEscape.action[static_cast<unsigned char>(s[i])];
    if (action == 0 || (action == 4 && s.compare(i, 3, kMarkChar) != 0)) continue;
    out.append(s, run, i - run);
    switch (action) {
      case 1: out += '\\'; out += s[i]; break;
      case 3: out += ' '; break;
      case 4: i += 2; break;  // no layout marks from inputs
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
  const Rule& r = *ind.rule;
  auto P = [](const Decimal& d) { return d.ToPercentShort(2); };
  std::string w = ind.weight.ToShort();
  switch (r.kind) {
    case RuleKind::kChecklist:
      return fmt::format("评价要点 {} 项，各占 1/{} 权重分，每有一项不满足扣除相应权重分", r.items.size(), r.items.size());
    case RuleKind::kChecklistPoints:
      return "按评价要点逐项计分，合计超过满分的按满分计";
    case RuleKind::kRatio:
      return fmt::format("得分 = {} × 权重分（{} 分），最高得满分", r.value, w);
    case RuleKind::kSteps:
      return fmt::format("{} ≥ {} 得满分；每降低 {} 扣 {}，不足一档按一档计，扣完为止", r.value,
                         P(r.full_at), P(r.step),
                         r.deduct_is_share ? P(r.deduct) + " 权重分" : r.deduct.ToShort() + " 分");
    case RuleKind::kProportional:
      return r.attainment
                 ? fmt::format("{} ≥ {} 得满分；否则得分 = {} ÷ {} × {} 分（完成比例）", r.value,
                               P(r.target), r.value, P(r.target), w)
                 : fmt::format("{} ≥ {} 得满分；否则按比例得分，得分 = {} × {} 分", r.value,
                               P(r.target), r.value, w);
    case RuleKind::kBands: {
      std::string s = r.value + "：";
      for (size_t i = 0; i < r.bands.size(); ++i) {
        const Band& b = r.bands[i];
        if (i) s += "；";
        s += b.min ? "≥ " + P(*b.min) : "其余";
        switch (b.score.kind) {
          case ScoreSpec::kFull: s += " 得满分"; break;
          case ScoreSpec::kFixed: s += " 得 " + b.score.fixed.ToShort() + " 分"; break;
          case ScoreSpec::kFormula: s += " 得分 = " + b.score.formula.Text() + "（x 为" + r.value + "）"; break;
        }
      }
      return s;
    }
    case RuleKind::kAllOrNothing:
      return r.formula.Empty() ? "满足要求得满分，否则不得分"
                               : "满足 " + r.formula.Text() + " 得满分，否则不得分";
    case RuleKind::kConditions: {
      std::string s;
      for (const auto& c : r.conditions)
        s += (s.empty() ? "" : "；") + c.text + " 得 " + c.points.ToShort() + " 分";
      return s;
    }
    case RuleKind::kQualitative: {
      std::string s = "定性评价分档：";
      for (size_t i = 0; i < r.tiers.size(); ++i)
        s += (i ? "，" : "") + r.tiers[i].name + " " + r.tiers[i].low.ToPercent(0) + "–" +
             r.tiers[i].high.ToPercent(0);
      return s + " 权重分，由评价组在档内评定并说明理由";
    }
    case RuleKind::kManual: return "由评价组按评分标准评定，低于满分须说明理由";
    case RuleKind::kFormula: return "得分 = " + r.formula.Text() + "，限于 0 至满分";
    case RuleKind::kPassLine:
      return fmt::format("{} ≥ {} 得满分；低于 {} 不得分；其间得分 = ({} − {}) ÷ ({} − {}) × {} 分",
                         r.value, P(r.full), P(r.pass), r.value, P(r.pass), P(r.full), P(r.pass), w);
    case RuleKind::kTarget:
      return (r.target_text.empty() ? std::string("对照年度指标值") : "年度指标值 " + r.target_text + "，") +
             "达到得满分，未达到按完成比例计分；定性指标按三档评定";
    case RuleKind::kBudgetRate: return "预算执行率按指标体系选定的口径计分（见自评的评分说明）";
  }
  return "";
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
  Put(a, "number", "附件 " + std::to_string(next_));
  Put(a, "title", title);
  Append(list_, std::move(a));
  return std::to_string(next_++);
}

data AnnexList::AddFragments(const Fragments& fragments) {
  data extras = TemplateValue::List();
  for (const auto& [title, body] : fragments.annexes) {
    data e;
    Put(e, "number", Add(title));
    Put(e, "title", title);
    Put(e, "body", SanitizeFragment(body));
    Append(extras, std::move(e));
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
      "body", "own_reason", "deductions_capped", "funds.sources_share_total", "share_total"};
  return names;
}

data BuildReportData(const ScoredProject& sp, const Fragments& frag) {
  const Project& p = *sp.project;
  const IndicatorSystem& sys = sp.system();
  data d;

  data project;
  Put(project, "name", OptText(p.info.name));
  Put(project, "year", OptText(p.info.year));
  Put(project, "department", OptText(p.info.department));
  Put(project, "implementer", OptText(p.info.implementer));
  Put(project, "commissioner", OptText(p.info.commissioner));
  Put(project, "evaluator", OptText(p.info.evaluator));
  Put(project, "lead_evaluator", OptText(p.info.lead_evaluator));
  Put(project, "date", OptText(p.info.date));
  Put(d, "project", std::move(project));

  static const char* level_names[] = {"一级", "二级", "三级", "四级", "五级"};
  std::string counts;
  for (int level = 1; level <= sys.Depth() && level <= 5; ++level)
    counts += fmt::format("{}{} 项{}指标", level > 1 ? "、" : "", sys.CountAtLevel(level),
                          level_names[level - 1]);
  data system;
  Put(system, "name", sys.name);
  Put(system, "total", sys.total.ToShort());
  Put(system, "level_counts", counts);
  Put(system, "depth", std::to_string(sys.Depth()));
  if (sys.deduction_cap) Put(system, "deduction_cap", sys.deduction_cap->ToShort());
  else Put(system, "deduction_cap", false);
  Put(d, "system", std::move(system));

  Put(d, "total", sp.total.ToShort());
  Put(d, "grade", sp.grade);
  Put(d, "total_rate", RateText(sp.total_rate));
  Put(d, "sum", sp.sum.ToShort());
  Put(d, "deductions", sp.deductions.ToShort());
  Put(d, "has_deductions", !p.deductions.empty());
  Put(d, "deductions_capped", sp.deductions != sp.deductions_claimed);
  data ded_items = EmptyList();
  for (const auto& x : p.deductions) {
    data item;
    Put(item, "reason", x.reason);
    Put(item, "points", x.points.ToShort());
    Append(ded_items, std::move(item));
  }
  Put(d, "deduction_items", std::move(ded_items));

  // Grade bands as the reader expects them: 100≥X≥90, 90>X≥80, …, X<60.
  data grades = EmptyList();
  for (size_t i = 0; i < sys.grades.size(); ++i) {
    const GradeBand& g = sys.grades[i];
    std::string range;
    if (sys.integer_grade_bands && !g.written.empty() && g.written[0] != '\xE2') range = g.written + " 分";
    else if (i == 0) range = fmt::format("{}≥X≥{}", sys.total.ToShort(), g.min.ToShort());
    else if (g.min.IsZero() && i + 1 == sys.grades.size()) range = fmt::format("X<{}", sys.grades[i - 1].min.ToShort());
    else range = fmt::format("{}>X≥{}", sys.grades[i - 1].min.ToShort(), g.min.ToShort());
    data gd;
    Put(gd, "name", g.name);
    Put(gd, "range", range);
    Append(grades, std::move(gd));
  }
  Put(d, "grades", std::move(grades));
  Put(d, "grades_note", !sys.integer_grade_bands ? data(false) : data(
                           std::string("等级区间按整数书写（如“80-89 分”），按左闭右开区间理解，即 80 ≤ X < 90，89.5 分属于该档。")));

  // Indicators that lost points.
  auto lost = sp.LostLeaves();
  std::string lost_names;
  data lost_leaves = EmptyList();
  for (size_t i = 0; i < lost.size(); ++i) {
    const ScoredIndicator& s = *lost[i];
    lost_names += (i ? "、" : "") + s.def->name;
    data item;
    Put(item, "ordinal", ChineseOrdinal(i));
    Put(item, "code", s.def->code);
    Put(item, "name", s.def->name);
    Put(item, "lost_points", (s.def->weight - s.score).ToShort());
    Put(item, "reason", s.reason);
    Append(lost_leaves, std::move(item));
  }
  Put(d, "lost_count", lost.empty() ? data(false) : data(std::to_string(lost.size())));
  Put(d, "lost_names", lost_names);
  Put(d, "lost_leaves", std::move(lost_leaves));

  // 四、per 一级: a table of its leaves and a paragraph per leaf.
  data level1 = EmptyList();
  data score_rows = EmptyList();
  std::string last_l1, last_l2;
  for (size_t i = 0; i < sp.roots.size(); ++i) {
    const ScoredIndicator& root = sp.roots[i];
    data l1;
    Put(l1, "code", root.def->code);
    Put(l1, "name", root.def->name);
    Put(l1, "weight", root.def->weight.ToShort());
    Put(l1, "score", root.score.ToShort());
    Put(l1, "rate", RateText(root.rate));
    Put(l1, "ordinal", ChineseOrdinal(i));
    Put(l1, "index", std::to_string(i + 1));
    data rows = EmptyList();
    data leaves = EmptyList();
    // Leaves with their 二级 ancestor, depth-first.
    std::vector<std::pair<const ScoredIndicator*, const ScoredIndicator*>> flat;  // (leaf, 二级)
    std::function<void(const ScoredIndicator&, const ScoredIndicator*)> walk =
        [&](const ScoredIndicator& s, const ScoredIndicator* l2) {
          if (s.def->level == 2) l2 = &s;
          if (s.children.empty()) flat.emplace_back(&s, l2);
          for (const auto& c : s.children) walk(c, l2);
        };
    walk(root, nullptr);
    const ScoredIndicator* prev_group = nullptr;
    for (const auto& [leaf, l2] : flat) {
      const Indicator& def = *leaf->def;
      if (leaf != &root) {
        data row;
        bool first = l2 != prev_group;
        prev_group = l2;
        Put(row, "group", first && l2 && l2 != leaf ? l2->def->code + " " + l2->def->name : "");
        Put(row, "code", def.code);
        Put(row, "name", def.name);
        Put(row, "weight", def.weight.ToShort());
        Put(row, "score", leaf->score.ToShort());
        Put(row, "rate", RateText(leaf->rate));
        Append(rows, std::move(row));
      }
      data lf;
      Put(lf, "code", def.code);
      Put(lf, "name", def.name);
      Put(lf, "weight", def.weight.ToShort());
      Put(lf, "score", leaf->score.ToShort());
      Put(lf, "rate", RateText(leaf->rate));
      Put(lf, "explanation", def.explanation);
      auto ev = frag.evidence.find(def.code);
      auto answer = sp.project->answers.find(def.code);  // 佐证材料 from the workbook
      if (ev != frag.evidence.end()) Put(lf, "evidence", SanitizeFragment(ev->second));
      else if (answer != sp.project->answers.end() && !answer->second.evidence.empty())
        Put(lf, "evidence", EscapeMarkdown(answer->second.evidence));
      else Put(lf, "evidence", false);
      Put(lf, "rule_sentence", leaf->explanation);
      Put(lf, "lost", leaf->Lost());
      Put(lf, "reason", leaf->reason);
      Put(lf, "own_reason", leaf->Lost() && leaf->reason != leaf->explanation);
      Append(leaves, std::move(lf));

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
        names[lv] = a.code + " " + a.name + "（" + a.weight.ToShort() + "）";
      }
      // A parent is named on its first row only, as merged cells read in print.
      data sr;
      Put(sr, "l1", names[0] == last_l1 ? std::string() : names[0]);
      Put(sr, "l2", names[1] == last_l2 && names[0] == last_l1 ? std::string() : names[1]);
      last_l1 = names[0];
      last_l2 = names[1];
      Put(sr, "l3", def.level >= 3 ? names[2] : "");
      Put(sr, "weight", def.weight.ToShort());
      Put(sr, "explanation", def.explanation);
      Put(sr, "criteria", def.criteria);
      Put(sr, "score", leaf->score.ToShort());
      Put(sr, "reason", leaf->Lost() ? leaf->reason : "");
      Append(score_rows, std::move(sr));
    }
    Put(l1, "has_table", rows.Size() != 0);
    Put(l1, "rows", std::move(rows));
    Put(l1, "leaves", std::move(leaves));
    Append(level1, std::move(l1));
  }
  Put(d, "level1", std::move(level1));
  Put(d, "score_rows", std::move(score_rows));

  // Funds.
  const Funds& f = p.funds;
  data funds;
  Put(funds, "unit", f.unit);
  Decimal src_total, use_total;
  for (const auto& r : f.sources) src_total += r.amount;
  for (const auto& r : f.uses) use_total += r.amount;
  data sources = EmptyList(), uses = EmptyList(), balances = EmptyList();
  // Shares are each rounded on their own; the total row shows the sum of the
  // displayed shares, so the column adds up as printed (it may be 99.99%).
  Decimal share_sum;
  for (const auto& r : f.sources) {
    data row;
    Put(row, "name", r.name);
    Put(row, "amount", Money(r.amount));
    Decimal share = src_total.IsZero() ? Decimal() : (r.amount / src_total).Round(kRatePlaces);
    share_sum += share;
    Put(row, "share", src_total.IsZero() ? "—" : share.ToPercent(2));
    Append(sources, std::move(row));
  }
  Put(funds, "sources_share_total", src_total.IsZero() ? "—" : share_sum.ToPercent(2));
  for (const auto& r : f.uses) {
    data row;
    Put(row, "name", r.name);
    Put(row, "amount", Money(r.amount));
    Put(row, "note", r.note);
    Append(uses, std::move(row));
  }
  for (const auto& y : f.balances) {
    data row;
    Put(row, "year", y.year);
    Put(row, "opening", Money(y.opening));
    Put(row, "income", Money(y.income));
    Put(row, "spending", Money(y.spending));
    Put(row, "net", Money(y.income - y.spending));
    Put(row, "closing", Money(y.closing));
    Append(balances, std::move(row));
  }
  Put(funds, "has_sources", !f.sources.empty());
  Put(funds, "sources", std::move(sources));
  Put(funds, "sources_total", Money(src_total));
  Put(funds, "has_uses", !f.uses.empty());
  Put(funds, "uses", std::move(uses));
  Put(funds, "uses_total", Money(use_total));
  Put(funds, "has_balances", !f.balances.empty());
  Put(funds, "balances", std::move(balances));
  if (!f.sources.empty()) Put(funds, "total_income", " " + Money(src_total) + " ");
  else Put(funds, "total_income", false);
  Put(d, "funds", std::move(funds));

  // Surveys: shares computed from the counts (附件2).
  data surveys = EmptyList();
  size_t table_no = 1;
  for (const auto& s : p.surveys) {
    data sv;
    Put(sv, "index", std::to_string(table_no++));
    Put(sv, "title", s.title.empty() ? s.id : s.title);
    Decimal total;
    for (const auto& c : s.counts) total += c;
    data options = EmptyList();
    Decimal survey_share_sum;
    for (size_t i = 0; i < s.options.size(); ++i) {
      data o;
      Put(o, "name", s.options[i]);
      Put(o, "count", s.counts[i].ToShort(0));
      Decimal share = total.IsZero() ? Decimal() : (s.counts[i] / total).Round(kRatePlaces);
      survey_share_sum += share;
      Put(o, "share", total.IsZero() ? "—" : share.ToPercent(2));
      Append(options, std::move(o));
    }
    Put(sv, "share_total", total.IsZero() ? "—" : survey_share_sum.ToPercent(2));
    Put(sv, "has_counts", !s.options.empty());
    Put(sv, "options", std::move(options));
    Put(sv, "total", total.ToShort(0));
    data items = EmptyList();
    Decimal sum;
    for (const auto& [name, rate] : s.items) {
      data it;
      Put(it, "name", name);
      Put(it, "rate", rate.ToPercent(2));
      Append(items, std::move(it));
      sum += rate;
    }
    Put(sv, "has_items", !s.items.empty());
    Put(sv, "items", std::move(items));
    Put(sv, "mean", s.items.empty() ? "" : (sum / Decimal(static_cast<long>(s.items.size()))).ToPercent(2));
    Append(surveys, std::move(sv));
  }
  Put(d, "has_surveys", !p.surveys.empty());
  Put(d, "surveys", std::move(surveys));

  // Annex numbers follow what the project has.
  AnnexList annexes;
  annexes.Add("绩效评价指标评分表");
  Put(d, "annex_survey", p.surveys.empty() ? std::string() : annexes.Add("满意度调查"));
  Put(d, "annex_scoring_notes", annexes.Add("评分说明"));
  Put(d, "annex_comments", p.comments.empty() ? std::string() : annexes.Add("意见反馈及采纳情况"));
  data extras = annexes.AddFragments(frag);
  Put(d, "annexes", annexes.List());
  Put(d, "extra_annexes", std::move(extras));

  // 评分说明: how every number was made.
  data notes = EmptyList();
  Append(notes, data(fmt::format("评价实行百分制，总分 {} 分；综合得分 = 一级指标得分之和{}。", sys.total.ToShort(),
                                   sys.deduction_cap ? fmt::format(" − 减分项（减分上限 {} 分）", sys.deduction_cap->ToShort()) : "")));
  Append(notes, data(std::string("比率（执行率、知晓率、满意度等）先按百分比保留两位小数四舍五入，再据以计分；指标得分保留两位小数四舍五入；上级指标得分为其下级指标显示得分之和；得分率 = 得分 ÷ 权重。")));
  std::string bands;
  for (size_t i = 0; i < sys.grades.size(); ++i)
    bands += (i ? "，" : "") + sys.grades[i].name + " ≥ " + sys.grades[i].min.ToShort();
  Append(notes, data("评价等级：" + bands + "（各档为左闭右开区间）。" +
                       (sys.integer_grade_bands ? "指标体系按整数书写等级区间（如“80-89 分”），按 [80, 90) 理解。" : "")));
  for (const auto& n : sys.notes) Append(notes, data(n));
  sys.ForEach([&](const Indicator& ind) {
    if (!ind.rule) return;
    const ScoredIndicator* s = sp.Find(ind.code);
    std::string line = ind.code + " " + ind.name + "：" + DescribeRule(ind) + "。";
    if (s && s->overridden) line += "本项由评价组调整评分，理由见附件 1。";
    Append(notes, data(line));
  });
  Put(d, "scoring_notes", std::move(notes));

  data comments = EmptyList();
  for (size_t i = 0; i < p.comments.size(); ++i) {
    const Comment& c = p.comments[i];
    data cm;
    Put(cm, "index", std::to_string(i + 1));
    Put(cm, "from", c.from);
    Put(cm, "comment", c.comment);
    Put(cm, "response", c.response);
    Put(cm, "reason", c.reason);
    Append(comments, std::move(cm));
  }
  Put(d, "has_comments", !p.comments.empty());
  Put(d, "comments", std::move(comments));

  data toc = EmptyList();
  for (const char* t : {"摘要", "一、项目基本情况", "二、绩效评价工作开展情况", "三、综合评价情况及评价结论",
                        "四、绩效评价指标分析", "五、主要绩效及经验做法", "六、存在的问题及原因分析",
                        "七、下一步改进意见及政策建议", "八、附件"})
    Append(toc, data(std::string(t)));
  Put(d, "toc", std::move(toc));

  data text;
  for (const auto& [name, body] : frag.text) Put(text, name, SanitizeFragment(body));
  Put(d, "text", std::move(text));
  return d;
}

}  // namespace jixiao
