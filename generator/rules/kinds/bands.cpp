// bands: value ranges → a fixed score, full, or a formula over x (piecewise
// scoring, the intervals of 财预〔2021〕101号), highest band first.
#include <yaml-cpp/yaml.h>

#include "base/messages.h"
#include "base/precision.h"
#include "rules/kinds/bands.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

const Decimal kHundredPercent(1);

// `score: <number> | full` or `formula: <expression over x>` of a band.
std::optional<ScoreSpec> ReadScore(const RuleSource& src, const YamlNode& map) {
  ScoreSpec s;
  if (map["formula"]) {
    auto f = src.ParseFormula(map["formula"]);
    if (!f) return std::nullopt;
    s.kind = ScoreSpec::kFormula;
    s.formula = *f;
    return s;
  }
  YamlNode n = map["score"];
  if (!n) {
    src.diags.Error(src.Loc(map), src.code(), msg::kMissingKey, "score / formula");
    return std::nullopt;
  }
  if (n.IsScalar() && (n.Scalar() == "full" || n.Scalar() == "满分")) {
    s.kind = ScoreSpec::kFull;
    return s;
  }
  auto d = src.yaml.NumberOf(n, src.code(), src.diags);
  if (!d) return std::nullopt;
  s.fixed = *d;
  return s;
}

class Bands : public RuleKindUnit {
 public:
  RuleKind kind() const override { return RuleKind::kBands; }
  const char* name() const override { return "bands"; }

  void Read(const RuleSource& src, Rule& rule) const override {
    const YamlFile& y = src.yaml;
    const std::string& code = src.code();
    const Indicator& ind = src.indicator;
    Diagnostics& diags = src.diags;
    src.CheckKeys({"kind", "value", "bands", "value_max"});
    src.ReadValueName(rule);
    BandsParams p;
    YamlNode bands = src.node["bands"];
    if (!bands) {
      diags.Error(rule.loc, code, msg::kMissingKey, "bands");
    } else if (y.IsList(bands, "bands", code, diags)) {
      for (const auto& b : bands) {
        if (!y.IsMap(b, "band {min, score}", code, diags)) continue;
        y.CheckKeys(b, {"min", "score", "formula"}, code, diags);
        Band band;
        band.loc = y.Loc(b);
        band.min = y.Number(b, "min", false, code, diags);
        if (auto s = ReadScore(src, b)) band.score = *s;
        // A fixed score outside [0, weight] is a mistake in the system,
        // not something to clamp silently when scoring.
        if (band.score.kind == ScoreSpec::kFixed && b["score"]) {
          if (band.score.fixed > ind.weight)
            diags.Error(y.Loc(b["score"]), code, msg::kScoreAboveWeight,
                        band.score.fixed.ToExactString(), ind.weight.ToExactString());
          else if (band.score.fixed.Sign() < 0)
            diags.Error(y.Loc(b["score"]), code, msg::kMustBePositive, "score");
        }
        if (!p.bands.empty()) {
          const Band& prev = p.bands.back();
          if (!prev.min) diags.Error(band.loc, code, msg::kBandAfterElse);
          else if (band.min && *band.min >= *prev.min)
            diags.Error(band.loc, code, msg::kBandsOrder, band.min->ToExactString(),
                        prev.min->ToExactString());
        }
        p.bands.push_back(band);
      }
      if (p.bands.empty()) diags.Error(y.Loc(bands), code, msg::kEmptyList, "bands");
    }
    rule.SetParams(std::move(p));
    src.ReadValueMax(rule, kHundredPercent);
  }

  RuleResult Apply(const Indicator& ind, const Rule& r, const RuleInput& in) const override {
    const std::vector<Band>& bands = r.Params<BandsParams>().bands;
    const Decimal v = in.value.value_or(Decimal());
    const std::string& name = r.value;
    for (size_t i = 0; i < bands.size(); ++i) {
      const Band& b = bands[i];
      if (b.min && v < *b.min) continue;
      std::string range;
      if (b.min && i > 0 && bands[i - 1].min)
        range = fmt::format("在 {} 至 {} 之间", RuleLimit(*b.min), RuleLimit(*bands[i - 1].min));
      else if (b.min)
        range = fmt::format("不低于 {}", RuleLimit(*b.min));
      else if (i > 0 && bands[i - 1].min)
        range = fmt::format("低于 {}", RuleLimit(*bands[i - 1].min));
      switch (b.score.kind) {
        case ScoreSpec::kFull:
          return {ind.weight, fmt::format("{} {}，{}，得满分 {}。", name, MeasuredRate(v), range,
                                          Points(ind.weight))};
        case ScoreSpec::kFixed: {
          Decimal s = ClampToWeight(b.score.fixed, ind.weight);
          return {s, fmt::format("{} {}，{}，得 {}。", name, MeasuredRate(v), range, Points(s))};
        }
        case ScoreSpec::kFormula: {
          NameLookup with_x = [&](const std::string& n) -> std::optional<Decimal> {
            if (n == "x") return v;
            if (n == "weight") return ind.weight;
            return in.lookup(n);
          };
          Decimal raw = b.score.formula.Evaluate(with_x);
          Decimal s = ClampToWeight(raw, ind.weight);
          return {s, fmt::format("{} {}，{}，按 {} 计算（x 为{}）得 {}{}。", name, MeasuredRate(v), range,
                                 b.score.formula.Text(), name, Points(s),
                                 s != raw ? "（限于 0 至满分）" : "")};
        }
      }
    }
    return {Decimal(0), fmt::format("{} {}，不在任何评分区间内，得 0 分。", name, MeasuredRate(v))};
  }

  std::vector<RuleFormula> Formulas(const Rule& r) const override {
    std::vector<RuleFormula> out;
    for (const auto& b : r.Params<BandsParams>().bands)
      if (b.score.kind == ScoreSpec::kFormula) out.push_back({&b.score.formula, b.loc, true});
    return out;
  }

  const char* Label() const override { return "分段计分"; }
  WorkbookEntry Workbook(const Indicator&, const Rule& r, const IndicatorSystem&) const override {
    return ReadsValueEntry(r);
  }
  bool ReadsRate(const Rule& r) const override {
    for (const auto& b : r.Params<BandsParams>().bands)
      if (b.min && *b.min <= Decimal(1) && b.min->Sign() > 0) return true;
    return false;
  }

  std::string Describe(const Indicator&, const Rule& r) const override {
    auto P = [](const Decimal& d) { return d.ToPercentShort(kRuleLimitPlaces); };
    const std::vector<Band>& bands = r.Params<BandsParams>().bands;
    std::string s = r.value + "：";
    for (size_t i = 0; i < bands.size(); ++i) {
      const Band& b = bands[i];
      if (i) s += "；";
      s += b.min ? "≥ " + P(*b.min) : "其余";
      switch (b.score.kind) {
        case ScoreSpec::kFull: s += " 得满分"; break;
        case ScoreSpec::kFixed: s += " 得 " + b.score.fixed.ToShort(kScorePlaces) + " 分"; break;
        case ScoreSpec::kFormula: s += " 得分 = " + b.score.formula.Text() + "（x 为" + r.value + "）"; break;
      }
    }
    return s;
  }

  void EmitYaml(YAML::Emitter& out, const Rule& r) const override {
    out << YAML::Key << "value" << YAML::Value << r.value;
    out << YAML::Key << "bands" << YAML::Value << YAML::BeginSeq;
    for (const auto& b : r.Params<BandsParams>().bands) {
      out << YAML::BeginMap;
      if (b.min) out << YAML::Key << "min" << YAML::Value << YamlPercent(*b.min);
      if (b.score.kind == ScoreSpec::kFormula)
        out << YAML::Key << "formula" << YAML::Value << b.score.formula.Text();
      else
        out << YAML::Key << "score" << YAML::Value
            << (b.score.kind == ScoreSpec::kFull ? std::string("full") : b.score.fixed.ToExactString());
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
};

}  // namespace

const RuleKindUnit& BandsRuleKind() {
  static const Bands unit;
  return unit;
}

}  // namespace jixiao
