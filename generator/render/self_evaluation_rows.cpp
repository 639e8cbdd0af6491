// The rows and notes the 自评表 (render_self_xlsx.cpp) and the 自评报告
// (self_report_data.cpp) share.
#include "render/self_evaluation_rows.h"

#include <functional>

#include "base/precision.h"
#include "rules/kinds/target.h"

namespace jixiao {
namespace {

using Opt = SelfEvaluationOptions;

std::string Share(const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); }

}  // namespace

std::vector<std::string> SelfEvaluationNotes(const IndicatorSystem& sys) {
  const Opt& opt = sys.options;
  std::vector<std::string> out;
  std::string base = BudgetBaseName(opt.budget_base);
  switch (opt.budget_rate) {
    case Opt::BudgetRate::kProportional:
      out.push_back(fmt::format("预算执行率按比例计分：得分 = 全年执行数 ÷ {} × 分值，最高得满分。", base));
      break;
    case Opt::BudgetRate::kIntervals: {
      std::string s = "预算执行率按区间计分：";
      for (size_t i = 0; i < opt.intervals.size(); ++i) {
        const auto& iv = opt.intervals[i];
        std::string range = i == 0 ? "执行率 ≥ " + Share(iv.min)
                            : iv.min.IsZero() ? "低于 " + Share(opt.intervals[i - 1].min)
                                              : Share(iv.min) + "（含）至 " + Share(opt.intervals[i - 1].min);
        s += (i ? "；" : "") + range + " 得分值的 " + Share(iv.share);
      }
      out.push_back(s + "。");
      break;
    }
    case Opt::BudgetRate::kSteps:
      out.push_back(fmt::format("预算执行率按阶梯扣分：执行率 ≥ {} 得满分，每降低 {} 扣 {} 分，不足一档按一档计，扣完为止。",
                                Share(opt.steps_full_at), Share(opt.steps_step), opt.steps_deduct.ToShort(kScorePlaces)));
      break;
  }
  out.push_back(fmt::format("执行率的分母为{}；执行率按百分比保留两位小数后计分。", base));
  out.push_back(std::string("定量指标达到年度指标值即得满分。未达到的：“≥”指标得分 = 实际完成值 ÷ 年度指标值 × 分值；") +
                (opt.at_most == Opt::AtMost::kRatio
                     ? "“≤”指标（如成本）得分 = 年度指标值 ÷ 实际完成值 × 分值；"
                     : "“≤”指标（如成本）按线性计分，得分 = (1 − (实际完成值 − 年度指标值) ÷ 年度指标值) × 分值，超出 1 倍及以上得 0 分；") +
                (opt.equal_tolerance.IsZero() ? "“=”指标须与年度指标值相等"
                                              : "“=”指标与年度指标值相差不超过 " + Share(opt.equal_tolerance) + " 即为达到") +
                (opt.equal == Opt::Equal::kProportional
                     ? "，否则得分 = 较小值 ÷ 较大值 × 分值；“= 0”指标（如安全事故数）为 0 得满分，否则不得分。"
                     : "，否则不得分。") +
                "只写数值未写符号的年度指标值按“=”理解。");
  out.push_back(fmt::format("实际完成值达到年度指标值的 {} 及以上（“≤”指标为年度指标值达到实际完成值的 {} 及以上）的，须说明偏差原因；超额完成不扣分。",
                            Share(opt.overachievement), Share(opt.overachievement)));
  std::string tiers;
  for (size_t i = 0; i < opt.tiers.size(); ++i) {
    const Tier& t = opt.tiers[i];
    tiers += (i ? "、" : "") + t.name + " " + Share(t.high) + "–" + Share(t.low) +
             (t.low.IsZero() ? "" : "（含 " + Share(t.low) + "）");
  }
  out.push_back("定性指标分三档：" + tiers + "，评价组选定档次并在档内评定得分，说明理由；得分不在所选档内的不予接受。");
  out.push_back("评价组可对定量指标调整得分（如年度指标值填写错误），须说明理由；报告同时写出按规则算得的分数。");
  // 折算计分
  std::vector<std::string> na;
  Decimal na_weight;
  bool rescaled = false;
  sys.ForEach([&](const Indicator& i) {
    if (i.not_applicable) {
      na.push_back(i.name);
      na_weight += i.written_weight.value_or(Decimal());
    }
    if (i.IsLeaf() && i.written_weight && *i.written_weight != i.weight) rescaled = true;
  });
  if (!na.empty()) {
    std::string names;
    for (const auto& n : na) names += (names.empty() ? "" : "、") + n;
    out.push_back(fmt::format("{}不适用，不计分（合计分值 {} 分）；{}其余指标的分值按比例折算，使合计仍为原分值（折算计分），折算后分值保留两位小数，尾差按最大余数法分配。",
                              names, na_weight.ToShort(kScorePlaces), rescaled ? "预算执行率以外的" : ""));
  }
  return out;
}

std::string SelfReportTitle(const std::string& name) {
  const std::string item = "项目";
  bool ends = name.size() >= item.size() && name.compare(name.size() - item.size(), item.size(), item) == 0;
  return name + (ends ? "" : "项目") + "支出绩效自评报告";
}

const ScoredIndicator* FindBudgetRateLeaf(const ScoredProject& sp) {
  const ScoredIndicator* hit = nullptr;
  std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
    if (!hit && s.children.empty() && s.def->rule && s.def->rule->kind == RuleKind::kBudgetRate) hit = &s;
    for (const auto& c : s.children) walk(c);
  };
  for (const auto& r : sp.roots) walk(r);
  return hit;
}

std::vector<SelfFormRow> SelfFormRows(const ScoredProject& sp) {
  const Project& p = *sp.project;
  std::vector<SelfFormRow> rows;
  std::vector<const ScoredIndicator*> path;
  std::function<void(const ScoredIndicator&)> walk = [&](const ScoredIndicator& s) {
    path.push_back(&s);
    if (s.children.empty() && !(s.def->rule && s.def->rule->kind == RuleKind::kBudgetRate)) {
      SelfFormRow row;
      row.path = path;
      row.leaf = &s;
      const Indicator& d = *s.def;
      auto it = p.answers.find(d.code);
      const Answer* a = it == p.answers.end() ? nullptr : &it->second;
      row.target = a && !a->target.empty() ? a->target : d.rule ? StatedTarget(*d.rule) : "";
      if (a && !a->actual.empty()) {
        row.actual = a->actual;
      } else if (d.rule && !d.rule->value.empty()) {
        if (const ResolvedValue* v = sp.Value(d.rule->value)) row.actual = v->display;
      }
      row.not_applicable = d.not_applicable;
      if (row.not_applicable) {
        row.status = "不适用";
        row.actual = "不适用";
        row.deviation = "不适用" + (a && !a->reason.empty() ? "：" + a->reason : std::string());
      } else {
        row.status = a && !a->tier.empty() ? a->tier : s.Lost() ? "未完成" : "已完成";
        if (a && !a->deviation_reason.empty()) row.deviation = a->deviation_reason;
        else if (s.Lost()) row.deviation = s.reason;
        else if (s.overridden && a && !a->reason.empty()) row.deviation = a->reason;  // why it was adjusted
      }
      if (row.target.empty()) row.target = "—";
      if (row.actual.empty()) row.actual = "—";
      rows.push_back(row);
    }
    for (const auto& c : s.children) walk(c);
    path.pop_back();
  };
  for (const auto& r : sp.roots) walk(r);
  return rows;
}

}  // namespace jixiao
