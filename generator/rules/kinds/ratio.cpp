// ratio: value × weight, capped ("得分=资金到位率*权重分，最高得分2分", 002 B11).
#include <yaml-cpp/yaml.h>

#include "rules/kinds/ratio.h"
#include "base/precision.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

class Ratio : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kRatio; }
  const char* name() const override { return "ratio"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    src.CheckKeys({"kind", "value", "cap", "value_max"});
    src.ReadValueName(rule);
    RatioParams p;
    p.cap = src.Number("cap", false);
    rule.SetParams(std::move(p));
    src.ReadValueMax(rule, std::nullopt);
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    const Decimal v = in.value.value_or(Decimal());
    const std::optional<Decimal>& stated = r.Params<RatioParams>().cap;
    Decimal cap = stated ? Min(*stated, ind.weight) : ind.weight;
    Decimal raw = Max(Decimal(0), v * ind.weight);
    Decimal score = Min(raw, cap);
    return {score, fmt::format("{} {} × 权重 {} = {}{}。", r.value, MeasuredRate(v), ind.weight.ToShort(kScorePlaces),
                               Points(raw.Round(kScorePlaces)),
                               raw > cap ? fmt::format("，最高得 {}", Points(cap)) : "")};
  }

  const char* Label() const override { return "比率×分值"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    return ReadsValueEntry(r);
  }
  bool ReadsRate(const Rule&) const override { return true; }

  std::string Describe(const Indicator& ind, const Rule& r) const override {
    return fmt::format("得分 = {} × 权重分（{} 分），最高得满分", r.value, ind.weight.ToShort(kScorePlaces));
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    out << YAML::Key << "value" << YAML::Value << r.value;
    if (const auto& cap = r.Params<RatioParams>().cap)
      out << YAML::Key << "cap" << YAML::Value << cap->ToExactString();
  }
};

}  // namespace

const RuleKindUnit& RatioRuleKind() {
  static const Ratio unit;
  return unit;
}

}  // namespace jixiao
