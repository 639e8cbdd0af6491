// proportional: full at a target, else value × weight, or value ÷ target ×
// weight when the rule reads attainment.
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/proportional.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

const Decimal kHundredPercent(1);

class Proportional : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kProportional; }
  const char* name() const override { return "proportional"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    const YamlNode& r = src.node;
    src.CheckKeys({"kind", "value", "target", "reading", "value_max"});
    src.ReadValueName(rule);
    ProportionalParams p;
    p.target = src.Number("target", true).value_or(Decimal(1));
    if (p.target <= Decimal(0))
      src.diags.Error(src.Loc(r["target"]), src.code(), msg::kMustBePositive, "target");
    if (auto reading = src.String("reading", false)) {
      if (*reading == "attainment") p.attainment = true;
      else if (*reading != "value")
        src.diags.ErrorHint(src.Loc(r["reading"]), src.code(),
                            NearestName(*reading, {"value", "attainment"}), msg::kBadChoice, *reading,
                            "value, attainment");
    }
    // value × weight reads a rate, which cannot pass 100%; value / target
    // reads any measure (counts, money), so it has no default limit.
    const bool attainment = p.attainment;
    rule.SetParams(std::move(p));
    src.ReadValueMax(rule, attainment ? std::nullopt : std::optional<Decimal>(kHundredPercent));
  }

  RuleResult Apply(const Indicator& ind, const Rule& rule, const RuleInput& in) const override {
    const ProportionalParams& r = rule.Params<ProportionalParams>();
    const Decimal v = in.value.value_or(Decimal());
    const std::string& name = rule.value;
    if (v >= r.target)
      return {ind.weight, fmt::format("{} {}，达到 {}，得满分 {}。", name, MeasuredRate(v),
                                      RuleLimit(r.target), Points(ind.weight))};
    if (r.attainment) {
      Decimal score = v / r.target * ind.weight;
      return {score, fmt::format("{} {}，低于 {}，按完成比例得分：{} ÷ {} × {} = {}。", name,
                                 MeasuredRate(v), RuleLimit(r.target), MeasuredRate(v),
                                 RuleLimit(r.target), ind.weight.ToShort(kScorePlaces), Points(score.Round(kScorePlaces)))};
    }
    Decimal score = v * ind.weight;
    return {score, fmt::format("{} {}，低于 {}，按比例得分：{} × {} = {}。", name, MeasuredRate(v),
                               RuleLimit(r.target), MeasuredRate(v), ind.weight.ToShort(kScorePlaces),
                               Points(score.Round(kScorePlaces)))};
  }

  const char* Label() const override { return "按比例得分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    return ReadsValueEntry(r);
  }
  bool ReadsRate(const Rule& r) const override { return r.Params<ProportionalParams>().target <= Decimal(1); }

  std::string Describe(const Indicator& ind, const Rule& rule) const override {
    const ProportionalParams& r = rule.Params<ProportionalParams>();
    auto P = [](const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); };
    std::string w = ind.weight.ToShort(kScorePlaces);
    return r.attainment
               ? fmt::format("{} ≥ {} 得满分；否则得分 = {} ÷ {} × {} 分（完成比例）", rule.value,
                             P(r.target), rule.value, P(r.target), w)
               : fmt::format("{} ≥ {} 得满分；否则按比例得分，得分 = {} × {} 分", rule.value,
                             P(r.target), rule.value, w);
  }

  void EmitYaml(YAML::Emitter& out, const Rule& rule) const override {
    const ProportionalParams& r = rule.Params<ProportionalParams>();
    out << YAML::Key << "value" << YAML::Value << rule.value;
    out << YAML::Key << "target" << YAML::Value << YamlPercent(r.target);
    out << YAML::Key << "reading" << YAML::Value << (r.attainment ? "attainment" : "value");
  }
};

}  // namespace

const RuleKindUnit& ProportionalRuleKind() {
  static const Proportional unit;
  return unit;
}

}  // namespace jixiao
