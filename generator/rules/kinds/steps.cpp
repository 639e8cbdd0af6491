// steps: full at a threshold, minus a deduction (points or a share of the
// weight) per step below it; a partial step counts as a step (`reading:
// whole`), or the deduction is in proportion (`reading: continuous`).
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/steps.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

const Decimal kHundredPercent(1);

class Steps : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kSteps; }
  const char* name() const override { return "steps"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    const YamlNode& r = src.node;
    src.CheckKeys({"kind", "value", "full_at", "step", "deduct", "deduct_share", "value_max", "reading"});
    src.ReadValueName(rule);
    StepsParams p;
    p.full_at = src.Number("full_at", true).value_or(Decimal());
    p.step = src.Number("step", true).value_or(Decimal(1));
    if (r["deduct_share"]) {
      p.deduct_is_share = true;
      p.deduct = src.Number("deduct_share", true).value_or(Decimal());
    } else {
      p.deduct = src.Number("deduct", true).value_or(Decimal());
    }
    if (auto reading = src.String("reading", false)) {
      if (*reading == "continuous") p.continuous = true;
      else if (*reading != "whole")
        src.diags.Error(src.Loc(r["reading"]), src.code(), msg::kBadChoice, *reading, "whole, continuous");
    }
    if (p.step <= Decimal(0)) src.diags.Error(src.Loc(r["step"]), src.code(), msg::kMustBePositive, "step");
    if (p.deduct <= Decimal(0) && (r["deduct"] || r["deduct_share"]))
      src.diags.Error(rule.loc, src.code(), msg::kMustBePositive, "deduct");
    rule.SetParams(std::move(p));
    src.ReadValueMax(rule, kHundredPercent);
  }

  RuleResult Apply(const Indicator& ind, const Rule& rule, const RuleInput& in) const override {
    const StepsParams& r = rule.Params<StepsParams>();
    const Decimal v = in.value.value_or(Decimal());
    const std::string& name = rule.value;
    if (v >= r.full_at)
      return {ind.weight, fmt::format("{} {}，不低于 {}，得满分 {}。", name, MeasuredRate(v),
                                      RuleLimit(r.full_at), Points(ind.weight))};
    // whole: a partial step counts as a step (002 B12: 90.56% is one step
    // below 95%); continuous: 4.44 of a 5% step is 0.888 of a step.
    Decimal steps = r.continuous ? (r.full_at - v) / r.step : ((r.full_at - v) / r.step).Ceil();
    Decimal per = r.deduct_is_share ? r.deduct * ind.weight : r.deduct;
    Decimal lost = Min(steps * per, ind.weight);
    Decimal score = ind.weight - lost;
    std::string per_text = r.deduct_is_share
                               ? fmt::format("{} 权重分（{}）", RuleLimit(r.deduct), Points(per))
                               : Points(per);
    return {score,
            r.continuous
                ? fmt::format("{} {}，低于 {} {}，按每降低 {} 扣 {}（按比例连续计算），扣 {}{}，得 {}。", name,
                              MeasuredRate(v), RuleLimit(r.full_at), RuleLimit(r.full_at - v), RuleLimit(r.step),
                              per_text, Points(lost), lost >= ind.weight ? "（扣完为止）" : "", Points(score))
                : fmt::format("{} {}，低于 {}，按每降低 {} 扣 {}（不足一档按一档计）计 {} 档，扣 {}{}，得 {}。",
                              name, MeasuredRate(v), RuleLimit(r.full_at), RuleLimit(r.step), per_text,
                              steps.ToShort(kCountPlaces), Points(lost), lost >= ind.weight ? "（扣完为止）" : "",
                              Points(score))};
  }

  const char* Label() const override { return "阶梯扣分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    return ReadsValueEntry(r);
  }
  bool ReadsRate(const Rule& r) const override { return r.Params<StepsParams>().full_at <= Decimal(1); }

  std::string Describe(const Indicator&, const Rule& rule) const override {
    const StepsParams& r = rule.Params<StepsParams>();
    auto P = [](const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); };
    return fmt::format("{} ≥ {} 得满分；每降低 {} 扣 {}，{}，扣完为止", rule.value, P(r.full_at), P(r.step),
                       r.deduct_is_share ? P(r.deduct) + " 权重分" : r.deduct.ToShort(kScorePlaces) + " 分",
                       r.continuous ? "按比例连续计算" : "不足一档按一档计");
  }

  void EmitYaml(YAML::Emitter& out, const Rule& rule) const override {
    const StepsParams& r = rule.Params<StepsParams>();
    out << YAML::Key << "value" << YAML::Value << rule.value;
    out << YAML::Key << "full_at" << YAML::Value << YamlPercent(r.full_at);
    out << YAML::Key << "step" << YAML::Value << YamlPercent(r.step);
    if (r.deduct_is_share) out << YAML::Key << "deduct_share" << YAML::Value << YamlPercent(r.deduct);
    else out << YAML::Key << "deduct" << YAML::Value << r.deduct.ToExactString();
    out << YAML::Key << "reading" << YAML::Value << (r.continuous ? "continuous" : "whole");
  }
};

}  // namespace

const RuleKindUnit& StepsRuleKind() {
  static const Steps unit;
  return unit;
}

}  // namespace jixiao
