// The template data of the 自评报告 (templates/self-report.md.mustache): the
// general report data (report_data.cpp) plus the 项目资金 block, the
// 年度总体目标, the indicator rows of the 自评表, the 指标分析 per 一级
// indicator ("满分 N 分，实得 M 分"), further tables and the 评分说明 of
// the options applied.
#include <functional>

#include "base/precision.h"
#include "render/report_mustache.h"
#include "render/self_evaluation_rows.h"
#include "rules/kinds/budget_rate.h"


namespace jixiao {

using data = TemplateValue;
namespace {


data Strings(const std::vector<std::string>& v) {
  data l = TemplateValue::List();
  for (const auto& s : v) l.Append(data(s));
  return l;
}

std::string Money(const std::optional<Decimal>& d) { return d ? WrittenMoneyText(*d) : "—"; }

std::optional<Decimal> RowRate(const BudgetRow& row, SelfEvaluationOptions::BudgetBase b) {
  auto base = BudgetBaseAmount(row, b);
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
  d.Set("report_title", SelfReportTitle(p.info.name));
  const IndicatorSystem& sys = sp.system();
  const auto base = sys.options.budget_base;
  const bool other_base = base != SelfEvaluationOptions::BudgetBase::kFullYear;
  const ScoredIndicator* budget_leaf = FindBudgetRateLeaf(sp);

  // 项目资金: the report's table 1 and the form's block.
  data budget;
  budget.Set("present", p.budget.present);
  budget.Set("unit", p.budget.unit);
  std::vector<std::string> cols = {"年初预算数", "全年预算数"};
  if (other_base) cols.push_back(BudgetBaseName(base));
  cols.push_back("全年执行数");
  std::vector<std::string> form_cols = cols;
  cols.push_back("执行率");
  form_cols.insert(form_cols.end(), {"分值", "执行率", "得分"});
  budget.Set("columns", Strings(cols));
  data rows = TemplateValue::List(), form_rows_budget = TemplateValue::List();
  auto add_row = [&](const BudgetRow& r, const std::string& name, bool total) {
    std::vector<std::string> cells = {Money(r.initial), Money(r.full_year)};
    if (other_base) cells.push_back(Money(BudgetBaseAmount(r, base)));
    cells.push_back(Money(r.executed));
    std::vector<std::string> form_cells = cells;
    cells.push_back(RateText(RowRate(r, base)));
    form_cells.push_back(total && budget_leaf ? budget_leaf->def->weight.ToShort(kScorePlaces) : "—");
    form_cells.push_back(RateText(RowRate(r, base)));
    form_cells.push_back(total && budget_leaf ? budget_leaf->score.ToFixed(kScorePlaces) : "—");
    data row;
    row.Set("name", name);
    row.Set("cells", Strings(cells));
    rows.Append(std::move(row));
    data frow;
    frow.Set("name", name);
    frow.Set("cells", Strings(form_cells));
    form_rows_budget.Append(std::move(frow));
  };
  add_row(p.budget.total, "年度资金总额", true);
  for (size_t i = 0; i < p.budget.sources.size(); ++i)
    add_row(p.budget.sources[i], (i == 0 ? "其中：" : "") + p.budget.sources[i].name, false);
  budget.Set("rows", std::move(rows));
  std::string sentence;
  if (p.budget.present) {
    const BudgetRow& t = p.budget.total;
    std::vector<std::string> parts;
    if (t.initial) parts.push_back("年初预算数 " + WrittenMoneyText(*t.initial) + " " + p.budget.unit);
    if (t.full_year) parts.push_back("全年预算数 " + WrittenMoneyText(*t.full_year) + " " + p.budget.unit);
    if (other_base && BudgetBaseAmount(t, base))
      parts.push_back(std::string(BudgetBaseName(base)) + " " + WrittenMoneyText(*BudgetBaseAmount(t, base)) + " " + p.budget.unit);
    if (t.executed) parts.push_back("全年执行数 " + WrittenMoneyText(*t.executed) + " " + p.budget.unit);
    for (size_t i = 0; i < parts.size(); ++i) sentence += (i ? "，" : "") + parts[i];
    if (auto r = RowRate(t, base)) sentence += "，预算执行率 " + r->ToPercent(kPercentPlaces);
    sentence += "。";
  }
  budget.Set("sentence", OptText(sentence));
  d.Set("budget", std::move(budget));
  data form_budget;
  form_budget.Set("columns", Strings(form_cols));
  form_budget.Set("rows", std::move(form_rows_budget));
  d.Set("form_budget", std::move(form_budget));

  data goals;
  goals.Set("expected", OptText(p.goals.expected));
  goals.Set("actual", OptText(p.goals.actual));
  d.Set("goals", std::move(goals));

  // Further tables, numbered after table 1.
  int table_no = p.budget.present ? 2 : 1;
  data tables = TemplateValue::List();
  for (const auto& t : p.tables) {
    data td;
    td.Set("number", std::to_string(table_no++));
    td.Set("title", t.title);
    td.Set("unit", OptText(t.unit));
    td.Set("header", Strings(t.columns));
    std::vector<std::string> aligns;
    for (size_t c = 0; c < t.columns.size(); ++c) aligns.push_back(c == 0 ? "---" : "---:");
    td.Set("aligns", Strings(aligns));
    data trs = TemplateValue::List();
    auto add = [&](const DataRow& r) {
      std::vector<std::string> cells = {r.label};
      cells.insert(cells.end(), r.cells.begin(), r.cells.end());
      data tr;
      tr.Set("cells", Strings(cells));
      trs.Append(std::move(tr));
    };
    for (const auto& r : t.rows) add(r);
    if (t.total) add(*t.total);
    td.Set("rows", std::move(trs));
    tables.Append(std::move(td));
  }
  d.Set("tables", std::move(tables));
  d.Set("targets_table", std::to_string(table_no++));
  d.Set("scores_table", std::to_string(table_no++));

  // The indicator rows of the 自评表; a parent named on every row it covers,
  // merged into one cell by the HTML and Word (render/table_plan.h).
  std::vector<SelfFormRow> form = SelfFormRows(sp);
  data form_rows = TemplateValue::List();
  int met = 0, total_rows = 0;
  std::vector<std::string> unmet, na;
  for (const auto& r : form) {
    data row;
    const ScoredIndicator* l1 = r.path[0];
    const ScoredIndicator* l2 = r.path.size() > 1 ? r.path[1] : nullptr;
    row.Set("l1", l1->def->name);
    row.Set("l2", l2 ? l2->def->name : std::string());
    std::string l3;
    for (size_t k = 2; k < r.path.size(); ++k) l3 += (l3.empty() ? "" : " / ") + r.path[k]->def->name;
    row.Set("l3", l3);
    row.Set("target", r.target);
    row.Set("actual", r.actual);
    row.Set("status", r.status);
    row.Set("weight", r.not_applicable ? std::string("—") : r.leaf->def->weight.ToShort(kScorePlaces));
    row.Set("score", r.not_applicable ? std::string("—") : r.leaf->score.ToFixed(kScorePlaces));
    row.Set("deviation", r.deviation);
    form_rows.Append(std::move(row));
    if (r.not_applicable) {
      na.push_back(r.leaf->def->name);
      continue;
    }
    ++total_rows;
    if (r.leaf->Lost()) unmet.push_back(r.leaf->def->name);
    else ++met;
  }
  d.Set("form_rows", std::move(form_rows));

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
  d.Set("counts_sentence", counts);

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
    if (auto f = ComputeBudgetRate(p, nullptr)) completion += "；预算执行率 " + f->rate.ToPercent(kPercentPlaces);
  }
  completion += unmet.empty() ? "。已完成年度设定的绩效目标。" : "。";
  d.Set("completion_sentence", completion);

  // 指标分析: per 一级, per 二级, per leaf.
  data analysis = TemplateValue::List();
  for (size_t i = 0; i < sp.roots.size(); ++i) {
    const ScoredIndicator& root = sp.roots[i];
    data a;
    a.Set("ordinal", ChineseOrdinal(i));
    a.Set("name", root.def->name);
    a.Set("weight", root.def->weight.ToShort(kScorePlaces));
    a.Set("score", root.score.ToFixed(kScorePlaces));
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
      a.Set("judgement", OptText(judgement_of(root)));
      a.Set("sentence", OptText(root.explanation));
      a.Set("evidence", OptText(Evidence(frag, p, root.def->code)));
      a.Set("deviation", OptText(deviation_of(root)));
    } else {
      a.Set("judgement", false);
      a.Set("sentence", false);
      a.Set("evidence", false);
      a.Set("deviation", false);
    }
    data groups = TemplateValue::List();
    for (size_t g = 0; g < root.children.size(); ++g) {
      const ScoredIndicator& group = root.children[g];
      data gd;
      gd.Set("number", std::to_string(g + 1));
      gd.Set("name", group.def->name);
      gd.Set("weight", group.def->weight.ToShort(kScorePlaces));
      gd.Set("score", group.score.ToFixed(kScorePlaces));
      data leaves = TemplateValue::List();
      std::vector<const ScoredIndicator*> flat;
      std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
        if (s.children.empty()) flat.push_back(&s);
        for (const auto& c : s.children) walk(c);
      };
      walk(group);
      for (size_t k = 0; k < flat.size(); ++k) {
        const ScoredIndicator& leaf = *flat[k];
        data ld;
        ld.Set("inline", &leaf == &group);
        ld.Set("number", std::to_string(k + 1));
        ld.Set("name", leaf.def->name);
        ld.Set("weight", leaf.def->weight.ToShort(kScorePlaces));
        ld.Set("score", leaf.score.ToFixed(kScorePlaces));
        ld.Set("sentence", leaf.explanation);
        ld.Set("evidence", OptText(Evidence(frag, p, leaf.def->code)));
        ld.Set("deviation", OptText(deviation_of(leaf)));
        ld.Set("judgement", OptText(judgement_of(leaf)));
        leaves.Append(std::move(ld));
      }
      gd.Set("leaves", std::move(leaves));
      groups.Append(std::move(gd));
    }
    a.Set("groups", std::move(groups));
    analysis.Append(std::move(a));
  }
  d.Set("analysis", std::move(analysis));

  // 附件: the form first, then the 评分说明, the survey, the fragments.
  AnnexList annexes;
  annexes.Add("项目支出绩效自评表（自评表.xlsx）");
  d.Set("annex_scoring_notes", annexes.Add("评分说明"));
  d.Set("annex_survey", p.surveys.empty() ? std::string() : annexes.Add("满意度调查"));
  data extras = annexes.AddFragments(frag);
  d.Set("annexes", annexes.List());
  d.Set("extra_annexes", std::move(extras));

  // 评分说明: how every number was made, and which variant of each rule.
  data notes = TemplateValue::List();
  Decimal others = sys.total - (budget_leaf ? budget_leaf->def->weight : Decimal(0));
  if (budget_leaf)
    notes.Append(data(fmt::format("自评实行百分制，总分 {} 分：预算执行率 {} 分，产出、效益、满意度等指标合计 {} 分，分值由单位按指标重要程度设定（{}）。",
                                     sys.total.ToShort(kScorePlaces), budget_leaf->def->weight.ToShort(kScorePlaces), others.ToShort(kScorePlaces), sys.name)));
  for (const auto& line : SelfEvaluationNotes(sys)) notes.Append(data(line));
  notes.Append(data(std::string("比率先按百分比保留两位小数四舍五入，再据以计分；指标得分保留两位小数四舍五入；上级指标得分为其下级指标显示得分之和，总分为各一级指标得分之和。")));
  std::string bands;
  for (size_t i = 0; i < sys.grades.size(); ++i)
    bands += (i ? "，" : "") + sys.grades[i].name + " ≥ " + sys.grades[i].min.ToShort(kScorePlaces);
  notes.Append(data("评价等级：" + bands + "（各档为左闭右开区间）。"));
  for (const auto& n : sys.notes) notes.Append(data(n));
  std::function<void(const ScoredIndicator&)> overrides = [&](const ScoredIndicator& s) {
    if (s.overridden) notes.Append(data(s.def->name + "：评价组调整了按规则算得的分数，理由见附件 1 偏差原因栏。"));
    for (const auto& c : s.children) overrides(c);
  };
  for (const auto& r : sp.roots) overrides(r);
  d.Set("scoring_notes", std::move(notes));
  return d;
}

}  // namespace jixiao
