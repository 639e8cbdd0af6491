// The template data of the 自评报告 (templates/self-report.md.mustache): the
// general report data (report_data.cpp) plus the 项目资金 block, the
// 年度总体目标, the indicator rows of the 自评表, the 指标分析 per 一级
// indicator ("满分 N 分，实得 M 分"), further tables and the 评分说明 of
// the options applied.
#include <functional>

#include "report_mustache.h"
#include "self_evaluation.h"


namespace jixiao {

using data = TemplateValue;
namespace {


data Strings(const std::vector<std::string>& v) {
  data l = EmptyList();
  for (const auto& s : v) Append(l, data(s));
  return l;
}

std::string Money(const std::optional<Decimal>& d) { return d ? d->ToExactString() : "—"; }

std::optional<Decimal> BaseOf(const BudgetRow& row, SelfEvaluationOptions::BudgetBase b) {
  switch (b) {
    case SelfEvaluationOptions::BudgetBase::kFullYear: return row.full_year;
    case SelfEvaluationOptions::BudgetBase::kAdjusted: return row.adjusted;
    case SelfEvaluationOptions::BudgetBase::kReceived: return row.received;
  }
  return std::nullopt;
}

std::optional<Decimal> RowRate(const BudgetRow& row, SelfEvaluationOptions::BudgetBase b) {
  auto base = BaseOf(row, b);
  if (!base || !row.executed || base->IsZero()) return std::nullopt;
  return (*row.executed / *base).Round(kRatePlaces);
}

std::string Evidence(const Fragments& frag, const Project& p, const std::string& code) {
  auto ev = frag.evidence.find(code);
  if (ev != frag.evidence.end()) return SanitizeFragment(ev->second);
  auto a = p.answers.find(code);
  if (a != p.answers.end() && !a->second.evidence.empty()) return EscapeMarkdown(a->second.evidence);
  return "";
}

}  // namespace

const std::vector<std::string>& SelfReportVariables() {
  static const std::vector<std::string> names = {
      "budget.present", "budget.sentence", "budget.unit", "budget.columns", "budget.rows",
      "form_budget.columns", "form_budget.rows", "cells", "tables", "header", "aligns",
      "goals.expected", "goals.actual", "counts_sentence", "targets_table", "scores_table",
      "form_rows", "target", "actual", "status", "deviation", "completion_sentence", "analysis",
      "groups", "sentence", "inline", "unit", "report_title", "judgement"};
  return names;
}

data BuildSelfReportData(const ScoredProject& sp, const Fragments& frag) {
  data d = BuildReportData(sp, frag);
  const Project& p = *sp.project;
  Put(d, "report_title", SelfReportTitle(p.info.name));
  const IndicatorSystem& sys = sp.system();
  const auto base = sys.options.budget_base;
  const bool other_base = base != SelfEvaluationOptions::BudgetBase::kFullYear;
  const ScoredIndicator* budget_leaf = FindBudgetRateLeaf(sp);

  // 项目资金: the report's table 1 and the form's block.
  data budget;
  Put(budget, "present", p.budget.present);
  Put(budget, "unit", p.budget.unit);
  std::vector<std::string> cols = {"年初预算数", "全年预算数"};
  if (other_base) cols.push_back(BudgetBaseName(base));
  cols.push_back("全年执行数");
  std::vector<std::string> form_cols = cols;
  cols.push_back("执行率");
  form_cols.insert(form_cols.end(), {"分值", "执行率", "得分"});
  Put(budget, "columns", Strings(cols));
  data rows = EmptyList(), form_rows_budget = EmptyList();
  auto add_row = [&](const BudgetRow& r, const std::string& name, bool total) {
    std::vector<std::string> cells = {Money(r.initial), Money(r.full_year)};
    if (other_base) cells.push_back(Money(BaseOf(r, base)));
    cells.push_back(Money(r.executed));
    std::vector<std::string> form_cells = cells;
    cells.push_back(RateText(RowRate(r, base)));
    form_cells.push_back(total && budget_leaf ? budget_leaf->def->weight.ToShort() : "—");
    form_cells.push_back(RateText(RowRate(r, base)));
    form_cells.push_back(total && budget_leaf ? budget_leaf->score.ToShort() : "—");
    data row;
    Put(row, "name", name);
    Put(row, "cells", Strings(cells));
    Append(rows, std::move(row));
    data frow;
    Put(frow, "name", name);
    Put(frow, "cells", Strings(form_cells));
    Append(form_rows_budget, std::move(frow));
  };
  add_row(p.budget.total, "年度资金总额", true);
  for (size_t i = 0; i < p.budget.sources.size(); ++i)
    add_row(p.budget.sources[i], (i == 0 ? "其中：" : "") + p.budget.sources[i].name, false);
  Put(budget, "rows", std::move(rows));
  std::string sentence;
  if (p.budget.present) {
    const BudgetRow& t = p.budget.total;
    std::vector<std::string> parts;
    if (t.initial) parts.push_back("年初预算数 " + t.initial->ToExactString() + " " + p.budget.unit);
    if (t.full_year) parts.push_back("全年预算数 " + t.full_year->ToExactString() + " " + p.budget.unit);
    if (other_base && BaseOf(t, base))
      parts.push_back(std::string(BudgetBaseName(base)) + " " + BaseOf(t, base)->ToExactString() + " " + p.budget.unit);
    if (t.executed) parts.push_back("全年执行数 " + t.executed->ToExactString() + " " + p.budget.unit);
    for (size_t i = 0; i < parts.size(); ++i) sentence += (i ? "，" : "") + parts[i];
    if (auto r = RowRate(t, base)) sentence += "，预算执行率 " + r->ToPercent(2);
    sentence += "。";
  }
  Put(budget, "sentence", OptText(sentence));
  Put(d, "budget", std::move(budget));
  data form_budget;
  Put(form_budget, "columns", Strings(form_cols));
  Put(form_budget, "rows", std::move(form_rows_budget));
  Put(d, "form_budget", std::move(form_budget));

  data goals;
  Put(goals, "expected", OptText(p.goals.expected));
  Put(goals, "actual", OptText(p.goals.actual));
  Put(d, "goals", std::move(goals));

  // Further tables, numbered after table 1.
  int table_no = p.budget.present ? 2 : 1;
  data tables = EmptyList();
  for (const auto& t : p.tables) {
    data td;
    Put(td, "number", std::to_string(table_no++));
    Put(td, "title", t.title);
    Put(td, "unit", OptText(t.unit));
    Put(td, "header", Strings(t.columns));
    std::vector<std::string> aligns;
    for (size_t c = 0; c < t.columns.size(); ++c) aligns.push_back(c == 0 ? "---" : "---:");
    Put(td, "aligns", Strings(aligns));
    data trs = EmptyList();
    auto add = [&](const DataRow& r) {
      std::vector<std::string> cells = {r.label};
      cells.insert(cells.end(), r.cells.begin(), r.cells.end());
      data tr;
      Put(tr, "cells", Strings(cells));
      Append(trs, std::move(tr));
    };
    for (const auto& r : t.rows) add(r);
    if (t.total) add(*t.total);
    Put(td, "rows", std::move(trs));
    Append(tables, std::move(td));
  }
  Put(d, "tables", std::move(tables));
  Put(d, "targets_table", std::to_string(table_no++));
  Put(d, "scores_table", std::to_string(table_no++));

  // The indicator rows of the 自评表; a parent named on its first row only.
  std::vector<SelfFormRow> form = SelfFormRows(sp);
  data form_rows = EmptyList();
  const ScoredIndicator* last[2] = {nullptr, nullptr};
  int met = 0, total_rows = 0;
  std::vector<std::string> unmet, na;
  for (const auto& r : form) {
    data row;
    const ScoredIndicator* l1 = r.path[0];
    const ScoredIndicator* l2 = r.path.size() > 1 ? r.path[1] : nullptr;
    Put(row, "l1", l1 == last[0] ? std::string() : l1->def->name);
    Put(row, "l2", l2 && (l2 != last[1] || l1 != last[0]) ? l2->def->name : std::string());
    std::string l3;
    for (size_t k = 2; k < r.path.size(); ++k) l3 += (l3.empty() ? "" : " / ") + r.path[k]->def->name;
    Put(row, "l3", l3);
    last[0] = l1;
    last[1] = l2;
    Put(row, "target", r.target);
    Put(row, "actual", r.actual);
    Put(row, "status", r.status);
    Put(row, "weight", r.not_applicable ? std::string("—") : r.leaf->def->weight.ToShort());
    Put(row, "score", r.not_applicable ? std::string("—") : r.leaf->score.ToShort());
    Put(row, "deviation", r.deviation);
    Append(form_rows, std::move(row));
    if (r.not_applicable) {
      na.push_back(r.leaf->def->name);
      continue;
    }
    ++total_rows;
    if (r.leaf->Lost()) unmet.push_back(r.leaf->def->name);
    else ++met;
  }
  Put(d, "form_rows", std::move(form_rows));

  // "预算执行率和 3 个一级指标、7 个二级指标、8 个三级指标": the leaves
  // under a 二级 indicator count as its 三级 indicators, as 004 counts them.
  int l1 = 0, l2 = 0;
  for (const auto& root : sp.roots) {
    if (&root == budget_leaf) continue;
    ++l1;
    l2 += static_cast<int>(root.children.size());
  }
  std::string counts = budget_leaf ? "预算执行率和 " : "";
  counts += fmt::format("{} 个一级指标、{} 个二级指标、{} 个三级指标", l1, l2, form.size());
  Put(d, "counts_sentence", counts);

  std::string completion = fmt::format("年度绩效指标共 {} 项", total_rows);
  if (unmet.empty()) completion += "，均已完成";
  else {
    std::string names;
    for (const auto& n : unmet) names += (names.empty() ? "" : "、") + n;
    completion += fmt::format("，已完成 {} 项，{}未完全完成", met, names);
  }
  if (!na.empty()) {
    std::string names;
    for (const auto& n : na) names += (names.empty() ? "" : "、") + n;
    completion += fmt::format("（另有{}不适用，按折算计分）", names);
  }
  if (budget_leaf) {
    if (auto f = ComputeBudgetRate(p, nullptr)) completion += "；预算执行率 " + f->rate.ToPercent(2);
  }
  completion += unmet.empty() ? "。已完成年度设定的绩效目标。" : "。";
  Put(d, "completion_sentence", completion);

  // 指标分析: per 一级, per 二级, per leaf.
  data analysis = EmptyList();
  for (size_t i = 0; i < sp.roots.size(); ++i) {
    const ScoredIndicator& root = sp.roots[i];
    data a;
    Put(a, "ordinal", ChineseOrdinal(i));
    Put(a, "name", root.def->name);
    Put(a, "weight", root.def->weight.ToShort());
    Put(a, "score", root.score.ToShort());
    auto deviation_of = [&](const ScoredIndicator& s) {
      auto it = p.answers.find(s.def->code);
      if (it != p.answers.end() && !it->second.deviation_reason.empty()) return it->second.deviation_reason;
      if (s.Lost() && s.reason != s.explanation) return s.reason;
      return std::string();
    };
    // The reason for an evaluator's score (a tier's point, an adjustment).
    auto judgement_of = [&](const ScoredIndicator& s) {
      auto it = p.answers.find(s.def->code);
      if (it == p.answers.end() || !it->second.score || it->second.reason.empty()) return std::string();
      return it->second.reason == deviation_of(s) ? std::string() : it->second.reason;
    };
    if (root.children.empty()) {
      Put(a, "judgement", OptText(judgement_of(root)));
      Put(a, "sentence", OptText(root.explanation));
      Put(a, "evidence", OptText(Evidence(frag, p, root.def->code)));
      Put(a, "deviation", OptText(deviation_of(root)));
    } else {
      Put(a, "judgement", false);
      Put(a, "sentence", false);
      Put(a, "evidence", false);
      Put(a, "deviation", false);
    }
    data groups = EmptyList();
    for (size_t g = 0; g < root.children.size(); ++g) {
      const ScoredIndicator& group = root.children[g];
      data gd;
      Put(gd, "number", std::to_string(g + 1));
      Put(gd, "name", group.def->name);
      Put(gd, "weight", group.def->weight.ToShort());
      Put(gd, "score", group.score.ToShort());
      data leaves = EmptyList();
      std::vector<const ScoredIndicator*> flat;
      std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
        if (s.children.empty()) flat.push_back(&s);
        for (const auto& c : s.children) walk(c);
      };
      walk(group);
      for (size_t k = 0; k < flat.size(); ++k) {
        const ScoredIndicator& leaf = *flat[k];
        data ld;
        Put(ld, "inline", &leaf == &group);
        Put(ld, "number", std::to_string(k + 1));
        Put(ld, "name", leaf.def->name);
        Put(ld, "weight", leaf.def->weight.ToShort());
        Put(ld, "score", leaf.score.ToShort());
        Put(ld, "sentence", leaf.explanation);
        Put(ld, "evidence", OptText(Evidence(frag, p, leaf.def->code)));
        Put(ld, "deviation", OptText(deviation_of(leaf)));
        Put(ld, "judgement", OptText(judgement_of(leaf)));
        Append(leaves, std::move(ld));
      }
      Put(gd, "leaves", std::move(leaves));
      Append(groups, std::move(gd));
    }
    Put(a, "groups", std::move(groups));
    Append(analysis, std::move(a));
  }
  Put(d, "analysis", std::move(analysis));

  // 附件: the form first, then the 评分说明, the survey, the fragments.
  AnnexList annexes;
  annexes.Add("项目支出绩效自评表（自评表.xlsx）");
  Put(d, "annex_scoring_notes", annexes.Add("评分说明"));
  Put(d, "annex_survey", p.surveys.empty() ? std::string() : annexes.Add("满意度调查"));
  data extras = annexes.AddFragments(frag);
  Put(d, "annexes", annexes.List());
  Put(d, "extra_annexes", std::move(extras));

  // 评分说明: how every number was made, and which variant of each rule.
  data notes = EmptyList();
  Decimal others = sys.total - (budget_leaf ? budget_leaf->def->weight : Decimal(0));
  if (budget_leaf)
    Append(notes, data(fmt::format("自评实行百分制，总分 {} 分：预算执行率 {} 分，产出、效益、满意度等指标合计 {} 分，分值由单位按指标重要程度设定（{}）。",
                                     sys.total.ToShort(), budget_leaf->def->weight.ToShort(), others.ToShort(), sys.name)));
  for (const auto& line : SelfEvaluationNotes(sys)) Append(notes, data(line));
  Append(notes, data(std::string("比率先按百分比保留两位小数四舍五入，再据以计分；指标得分保留两位小数四舍五入；上级指标得分为其下级指标显示得分之和，总分为各一级指标得分之和。")));
  std::string bands;
  for (size_t i = 0; i < sys.grades.size(); ++i)
    bands += (i ? "，" : "") + sys.grades[i].name + " ≥ " + sys.grades[i].min.ToShort();
  Append(notes, data("评价等级：" + bands + "（各档为左闭右开区间）。"));
  for (const auto& n : sys.notes) Append(notes, data(n));
  std::function<void(const ScoredIndicator&)> overrides = [&](const ScoredIndicator& s) {
    if (s.overridden) Append(notes, data(s.def->name + "：评价组调整了按规则算得的分数，理由见附件 1 偏差原因栏。"));
    for (const auto& c : s.children) overrides(c);
  };
  for (const auto& r : sp.roots) overrides(r);
  Put(d, "scoring_notes", std::move(notes));
  return d;
}

}  // namespace jixiao
