// budget_rate: the self-evaluation's 预算执行率, scored by the system's
// options (proportional, the intervals of 财预〔2021〕101号, or steps).
#include "rules/kinds/budget_rate.h"

#include "base/messages.h"
#include "base/precision.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

using Opt = SelfEvaluationOptions;

std::string Share(const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); }

const NamedValue* PlainValue(const Project& p, const std::string& name) {
  for (const auto& v : p.values)
    if (v.name == name) return &v;
  return nullptr;
}

class BudgetRate : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kBudgetRate; }
  const char* name() const override { return "budget_rate"; }

  void Read(const RuleSource& src, Rule&) const override { src.CheckKeys({"kind"}); }

  bool BindsWithProject() const override { return true; }
  void BindProject(const Indicator& ind, const Rule& r, const Answer* a, const Project& p,
                   Diagnostics& diags) const override {
    ComputeBudgetRate(p, &diags);
    if (a && a->score) {
      if (*a->score > ind.weight)
        diags.Error(a->score_loc, ind.code, msg::kScoreAboveWeight, a->score->ToExactString(),
                    ind.weight.ToExactString());
      else if (a->reason.empty())
        diags.Error(a->score_loc, ind.code, msg::kScoreNeedsReason, a->score->ToExactString(),
                    ind.weight.ToExactString());
    }
    if (a && (a->unmet || a->met || !a->tier.empty()))
      diags.Error(a->loc, ind.code, msg::kAnswerFieldNotForRule, RuleKindName(r.kind), "score, reason");
  }

  RuleResult Apply(const Indicator& ind, const Rule&, const RuleInput& in) const override {
    Diagnostics d;
    auto f = ComputeBudgetRate(*in.project, &d);
    if (!f) throw InputError(d);
    const Opt& opt = in.project->system->options;
    const Decimal w = ind.weight;
    std::string head = fmt::format("预算执行率 = 全年执行数 {} ÷ {} {} = {}", f->executed.ToShort(kWrittenFigurePlaces),
                                   f->base_name, f->base.ToShort(kWrittenFigurePlaces), f->rate.ToPercent(kPercentPlaces));
    switch (opt.budget_rate) {
      case Opt::BudgetRate::kProportional: {
        Decimal raw = f->rate * w;
        Decimal s = Min(raw, w);
        return {s, fmt::format("{}；得分 = {} × {} = {}{}。", head, f->rate.ToPercent(kPercentPlaces), w.ToShort(kScorePlaces),
                               Points(raw.Round(kScorePlaces)), raw > w ? fmt::format("，最高 {}", Points(w)) : "")};
      }
      case Opt::BudgetRate::kIntervals: {
        for (size_t i = 0; i < opt.intervals.size(); ++i) {
          const auto& iv = opt.intervals[i];
          if (f->rate < iv.min) continue;
          std::string range;
          if (i == 0) range = "不低于 " + Share(iv.min);
          else if (iv.min.IsZero()) range = "低于 " + Share(opt.intervals[i - 1].min);
          else range = fmt::format("在 {}（含）至 {} 之间", Share(iv.min), Share(opt.intervals[i - 1].min));
          Decimal s = iv.share * w;
          return {s, fmt::format("{}，{}，按区间计分得 {}。", head, range, Points(s))};
        }
        return {Decimal(0), head + "，不在任何计分区间内，得 0 分。"};
      }
      case Opt::BudgetRate::kSteps: {
        if (f->rate >= opt.steps_full_at)
          return {w, fmt::format("{}，不低于 {}，得满分 {}。", head, Share(opt.steps_full_at), Points(w))};
        Decimal steps = ((opt.steps_full_at - f->rate) / opt.steps_step).Ceil();
        Decimal lost = Min(steps * opt.steps_deduct, w);
        Decimal s = w - lost;
        return {s, fmt::format("{}，低于 {}，每降低 {} 扣 {}（不足一档按一档计），计 {} 档，扣 {}{}，得 {}。",
                               head, Share(opt.steps_full_at), Share(opt.steps_step),
                               RulePoints(opt.steps_deduct), steps.ToShort(kCountPlaces), Points(lost),
                               lost >= w ? "（扣完为止）" : "", Points(s))};
      }
    }
    return {Decimal(0), head};
  }

  const char* Label() const override { return "预算执行率"; }
  WorkbookEntry Workbook(const Indicator&, const Rule&, const IndicatorSystem&) const override {
    WorkbookEntry e;
    e.needs = "预算执行率：在“资金”表的“项目资金”中填写预算数和执行数。";
    return e;
  }

  std::string Describe(const Indicator&, const Rule&) const override {
    return "预算执行率按指标体系选定的口径计分（见自评的评分说明）";
  }
};

}  // namespace

std::optional<BudgetRateFigures> ComputeBudgetRate(const Project& p, Diagnostics* diags) {
  const Opt& opt = p.system->options;
  BudgetRateFigures f;
  f.base_name = BudgetBaseName(opt.budget_base);
  std::optional<Decimal> executed, base;
  SourceLoc at{p.file};
  auto error = [&](const SourceLoc& loc, const MessageDef& def, const auto&... args) {
    if (diags) diags->Error(loc, "", def, args...);
  };
  if (p.budget.present) {
    at = p.budget.loc;
    f.unit = p.budget.unit;
    executed = p.budget.total.executed;
    base = BudgetBaseAmount(p.budget.total, opt.budget_base);
    if (!executed) error(at, msg::kBudgetFigureMissing, "全年执行数", "executed");
    if (!base) error(at, msg::kBudgetFigureMissing, f.base_name, BudgetBaseKey(opt.budget_base));
  } else {
    const NamedValue* e = PlainValue(p, "全年执行数");
    const NamedValue* b = PlainValue(p, f.base_name);
    if (!e || !b) {
      error(at, msg::kBudgetMissing, f.base_name);
      return std::nullopt;
    }
    executed = e->value;
    base = b->value;
    at = b->loc;
  }
  if (!executed || !base) return std::nullopt;
  if (base->IsZero()) {
    error(at, msg::kBudgetBaseZero, f.base_name);
    return std::nullopt;
  }
  f.executed = *executed;
  f.base = *base;
  f.rate = (*executed / *base).Round(kRatePlaces);
  return f;
}

const RuleKindUnit& BudgetRateRuleKind() {
  static const BudgetRate unit;
  return unit;
}

}  // namespace jixiao
