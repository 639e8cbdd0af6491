#include <set>

#include "load/load.h"
#include "base/messages.h"
#include "rules/self_evaluation.h"
#include "formats/yaml/yaml_source.h"

namespace jixiao {
namespace {

const Decimal kHundredPercent(1);

struct SystemReader {
  const YamlFile& y;
  Diagnostics& diags;
  std::set<std::string> codes;

  std::optional<Formula> ParseFormula(const YamlNode& n, const std::string& code) {
    if (!n.IsScalar()) {
      diags.Error(y.Loc(n), code, msg::kExpectedText, "formula");
      return std::nullopt;
    }
    try {
      return Formula::Parse(n.Scalar());
    } catch (const FormulaError& e) {
      SourceLoc loc = y.Loc(n);
      diags.Error(loc, code, msg::kFormulaSyntax, n.Scalar(), e.what());
      return std::nullopt;
    }
  }

  std::optional<ScoreSpec> ReadScore(const YamlNode& map, const std::string& code) {
    ScoreSpec s;
    if (map["formula"]) {
      auto f = ParseFormula(map["formula"], code);
      if (!f) return std::nullopt;
      s.kind = ScoreSpec::kFormula;
      s.formula = *f;
      return s;
    }
    YamlNode n = map["score"];
    if (!n) {
      diags.Error(y.Loc(map), code, msg::kMissingKey, "score / formula");
      return std::nullopt;
    }
    if (n.IsScalar() && (n.Scalar() == "full" || n.Scalar() == "满分")) {
      s.kind = ScoreSpec::kFull;
      return s;
    }
    auto d = y.NumberOf(n, code, diags);
    if (!d) return std::nullopt;
    s.fixed = *d;
    return s;
  }

  void ReadValueName(const YamlNode& r, Rule& rule, const std::string& code) {
    if (auto v = y.String(r, "value", true, code, diags)) {
      rule.value = *v;
      rule.value_loc = y.Loc(r["value"]);
    }
  }

  std::optional<Rule> ReadRule(const YamlNode& r, const Indicator& ind) {
    const std::string& code = ind.code;
    if (!y.IsMap(r, "rule", code, diags)) return std::nullopt;
    Rule rule;
    rule.loc = y.Loc(r);
    auto kind = y.String(r, "kind", true, code, diags);
    if (!kind) return std::nullopt;
    static const std::pair<const char*, RuleKind> kinds[] = {
        {"checklist", RuleKind::kChecklist},       {"checklist_points", RuleKind::kChecklistPoints},
        {"ratio", RuleKind::kRatio},               {"steps", RuleKind::kSteps},
        {"proportional", RuleKind::kProportional}, {"bands", RuleKind::kBands},
        {"all_or_nothing", RuleKind::kAllOrNothing}, {"conditions", RuleKind::kConditions},
        {"qualitative", RuleKind::kQualitative},   {"manual", RuleKind::kManual},
        {"formula", RuleKind::kFormula},           {"pass_line", RuleKind::kPassLine},
        {"target", RuleKind::kTarget},             {"budget_rate", RuleKind::kBudgetRate}};
    bool found = false;
    std::vector<std::string> names;
    for (const auto& [name, k] : kinds) {
      names.push_back(name);
      if (*kind == name) {
        rule.kind = k;
        found = true;
      }
    }
    if (!found) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      diags.ErrorHint(y.Loc(r["kind"]), code, NearestName(*kind, names), msg::kUnknownRuleKind,
                      *kind, list);
      return std::nullopt;
    }
    auto rate_default = [&]() {
      if (r["value_max"]) {
        if (r["value_max"].Scalar() != "none") rule.value_max = y.NumberOf(r["value_max"], code, diags);
      } else {
        rule.value_max = kHundredPercent;
      }
    };
    switch (rule.kind) {
      case RuleKind::kChecklist:
      case RuleKind::kChecklistPoints: {
        bool points = rule.kind == RuleKind::kChecklistPoints;
        y.CheckKeys(r, {"kind", "items"}, code, diags);
        YamlNode items = r["items"];
        if (!items) {
          diags.Error(rule.loc, code, msg::kMissingKey, "items");
          break;
        }
        if (!y.IsList(items, "items", code, diags)) break;
        for (const auto& it : items) {
          ChecklistItem item;
          if (points) {
            if (!y.IsMap(it, "item {text, points}", code, diags)) continue;
            y.CheckKeys(it, {"text", "points"}, code, diags);
            item.text = y.String(it, "text", true, code, diags).value_or("");
            item.points = y.Number(it, "points", true, code, diags).value_or(Decimal());
          } else if (it.IsScalar()) {
            item.text = it.Scalar();
          } else {
            diags.Error(y.Loc(it), code, msg::kExpectedText, "item");
          }
          rule.items.push_back(item);
        }
        if (rule.items.empty()) diags.Error(y.Loc(items), code, msg::kEmptyList, "items");
        break;
      }
      case RuleKind::kRatio:
        y.CheckKeys(r, {"kind", "value", "cap", "value_max"}, code, diags);
        ReadValueName(r, rule, code);
        rule.cap = y.Number(r, "cap", false, code, diags);
        if (r["value_max"] && r["value_max"].Scalar() != "none")
          rule.value_max = y.NumberOf(r["value_max"], code, diags);
        break;
      case RuleKind::kSteps: {
        y.CheckKeys(r, {"kind", "value", "full_at", "step", "deduct", "deduct_share", "value_max"},
                    code, diags);
        ReadValueName(r, rule, code);
        rule.full_at = y.Number(r, "full_at", true, code, diags).value_or(Decimal());
        rule.step = y.Number(r, "step", true, code, diags).value_or(Decimal(1));
        if (r["deduct_share"]) {
          rule.deduct_is_share = true;
          rule.deduct = y.Number(r, "deduct_share", true, code, diags).value_or(Decimal());
        } else {
          rule.deduct = y.Number(r, "deduct", true, code, diags).value_or(Decimal());
        }
        if (rule.step <= Decimal(0)) diags.Error(y.Loc(r["step"]), code, msg::kMustBePositive, "step");
        if (rule.deduct <= Decimal(0) && (r["deduct"] || r["deduct_share"]))
          diags.Error(rule.loc, code, msg::kMustBePositive, "deduct");
        rate_default();
        break;
      }
      case RuleKind::kProportional: {
        y.CheckKeys(r, {"kind", "value", "target", "reading", "value_max"}, code, diags);
        ReadValueName(r, rule, code);
        rule.target = y.Number(r, "target", true, code, diags).value_or(Decimal(1));
        if (rule.target <= Decimal(0)) diags.Error(y.Loc(r["target"]), code, msg::kMustBePositive, "target");
        if (auto reading = y.String(r, "reading", false, code, diags)) {
          if (*reading == "attainment") rule.attainment = true;
          else if (*reading != "value")
            diags.ErrorHint(y.Loc(r["reading"]), code,
                            NearestName(*reading, {"value", "attainment"}), msg::kBadChoice,
                            *reading, "value, attainment");
        }
        // value × weight reads a rate, which cannot pass 100%; value / target
        // reads any measure (counts, money), so it has no default limit.
        if (rule.attainment) {
          if (r["value_max"] && r["value_max"].Scalar() != "none")
            rule.value_max = y.NumberOf(r["value_max"], code, diags);
        } else {
          rate_default();
        }
        break;
      }
      case RuleKind::kBands: {
        y.CheckKeys(r, {"kind", "value", "bands", "value_max"}, code, diags);
        ReadValueName(r, rule, code);
        YamlNode bands = r["bands"];
        if (!bands) {
          diags.Error(rule.loc, code, msg::kMissingKey, "bands");
        } else if (y.IsList(bands, "bands", code, diags)) {
          for (const auto& b : bands) {
            if (!y.IsMap(b, "band {min, score}", code, diags)) continue;
            y.CheckKeys(b, {"min", "score", "formula"}, code, diags);
            Band band;
            band.loc = y.Loc(b);
            band.min = y.Number(b, "min", false, code, diags);
            if (auto s = ReadScore(b, code)) band.score = *s;
            // A fixed score outside [0, weight] is a mistake in the system,
            // not something to clamp silently when scoring.
            if (band.score.kind == ScoreSpec::kFixed && b["score"]) {
              if (band.score.fixed > ind.weight)
                diags.Error(y.Loc(b["score"]), code, msg::kScoreAboveWeight,
                            band.score.fixed.ToExactString(), ind.weight.ToExactString());
              else if (band.score.fixed.Sign() < 0)
                diags.Error(y.Loc(b["score"]), code, msg::kMustBePositive, "score");
            }
            if (!rule.bands.empty()) {
              const Band& prev = rule.bands.back();
              if (!prev.min) diags.Error(band.loc, code, msg::kBandAfterElse);
              else if (band.min && *band.min >= *prev.min)
                diags.Error(band.loc, code, msg::kBandsOrder, band.min->ToExactString(),
                            prev.min->ToExactString());
            }
            rule.bands.push_back(band);
          }
          if (rule.bands.empty()) diags.Error(y.Loc(bands), code, msg::kEmptyList, "bands");
        }
        rate_default();
        break;
      }
      case RuleKind::kAllOrNothing:
        y.CheckKeys(r, {"kind", "when"}, code, diags);
        if (r["when"]) {
          if (auto f = ParseFormula(r["when"], code)) rule.formula = *f;
        }
        break;
      case RuleKind::kConditions: {
        y.CheckKeys(r, {"kind", "conditions"}, code, diags);
        YamlNode cs = r["conditions"];
        if (!cs) {
          diags.Error(rule.loc, code, msg::kMissingKey, "conditions");
        } else if (y.IsList(cs, "conditions", code, diags)) {
          for (const auto& c : cs) {
            if (!y.IsMap(c, "condition {text, when, points}", code, diags)) continue;
            y.CheckKeys(c, {"text", "when", "points"}, code, diags);
            Condition cond;
            cond.loc = y.Loc(c);
            cond.text = y.String(c, "text", true, code, diags).value_or("");
            cond.points = y.Number(c, "points", true, code, diags).value_or(Decimal());
            if (c["when"]) {
              if (auto f = ParseFormula(c["when"], code)) cond.when = *f;
            } else {
              diags.Error(cond.loc, code, msg::kMissingKey, "when");
            }
            rule.conditions.push_back(cond);
          }
        }
        break;
      }
      case RuleKind::kQualitative: {
        y.CheckKeys(r, {"kind", "tiers"}, code, diags);
        if (YamlNode ts = r["tiers"]) {
          if (y.IsList(ts, "tiers", code, diags)) {
            for (const auto& t : ts) {
              if (!y.IsMap(t, "tier {name, low, high}", code, diags)) continue;
              y.CheckKeys(t, {"name", "low", "high"}, code, diags);
              rule.tiers.push_back(Tier{y.String(t, "name", true, code, diags).value_or(""),
                                        y.Number(t, "low", true, code, diags).value_or(Decimal()),
                                        y.Number(t, "high", true, code, diags).value_or(Decimal())});
            }
          }
        } else {
          // 财预〔2020〕10号 自评表: 达成 100–80%, 部分达成 80–60%, 未达成 60–0%.
          rule.tiers = {{"达成", *Decimal::Parse("80%"), Decimal(1)},
                        {"部分达成", *Decimal::Parse("60%"), *Decimal::Parse("80%")},
                        {"未达成", Decimal(0), *Decimal::Parse("60%")}};
        }
        break;
      }
      case RuleKind::kManual:
        y.CheckKeys(r, {"kind"}, code, diags);
        break;
      case RuleKind::kFormula:
        y.CheckKeys(r, {"kind", "formula"}, code, diags);
        if (!r["formula"]) diags.Error(rule.loc, code, msg::kMissingKey, "formula");
        else if (auto f = ParseFormula(r["formula"], code)) rule.formula = *f;
        break;
      case RuleKind::kPassLine:
        y.CheckKeys(r, {"kind", "value", "pass", "full", "value_max"}, code, diags);
        ReadValueName(r, rule, code);
        rule.pass = y.Number(r, "pass", false, code, diags).value_or(*Decimal::Parse("60%"));
        rule.full = y.Number(r, "full", false, code, diags).value_or(Decimal(1));
        if (rule.full <= rule.pass) diags.Error(rule.loc, code, msg::kPassAboveFull);
        if (r["value_max"] && r["value_max"].Scalar() != "none")
          rule.value_max = y.NumberOf(r["value_max"], code, diags);
        break;
      case RuleKind::kTarget:
      case RuleKind::kBudgetRate:
        ReadSelfEvaluationRule(y, r, rule, code, diags);  // load_self_evaluation.cpp
        break;
    }
    return rule;
  }

  std::optional<Indicator> ReadIndicator(const YamlNode& n, int level) {
    if (!y.IsMap(n, "indicator", "", diags)) return std::nullopt;
    Indicator ind;
    ind.level = level;
    ind.loc = y.Loc(n);
    ind.code = y.String(n, "code", true, "", diags).value_or("");
    const std::string& code = ind.code;
    y.CheckKeys(n, {"code", "name", "weight", "explanation", "criteria", "rule", "children"}, code,
                diags);
    if (!code.empty() && !codes.insert(code).second)
      diags.Error(y.Loc(n["code"]), code, msg::kDuplicateCode, code);
    ind.name = y.String(n, "name", true, code, diags).value_or("");
    ind.weight = y.Number(n, "weight", true, code, diags).value_or(Decimal());
    if (n["weight"]) ind.weight_loc = y.Loc(n["weight"]);
    if (ind.weight < Decimal(0)) diags.Error(ind.weight_loc, code, msg::kMustBePositive, "weight");
    ind.explanation = y.String(n, "explanation", false, code, diags).value_or("");
    ind.criteria = y.String(n, "criteria", false, code, diags).value_or("");
    if (YamlNode ch = n["children"]) {
      if (y.IsList(ch, "children", code, diags)) {
        for (const auto& c : ch)
          if (auto child = ReadIndicator(c, level + 1)) ind.children.push_back(std::move(*child));
      }
      if (n["rule"]) diags.Error(y.Loc(n["rule"]), code, msg::kRuleOnParent);
      Decimal sum;
      for (const auto& c : ind.children) sum += c.weight;
      if (!ind.children.empty() && sum != ind.weight)
        diags.Error(ind.weight_loc.Known() ? ind.weight_loc : ind.loc, code, msg::kWeightSum,
                    sum.ToExactString(), ind.weight.ToExactString());
    } else if (YamlNode r = n["rule"]) {
      ind.rule = ReadRule(r, ind);
    } else {
      diags.Error(ind.loc, code, msg::kLeafWithoutRule);
    }
    return ind;
  }
};

}  // namespace

std::shared_ptr<const IndicatorSystem> LoadSystem(const std::string& path) {
  YamlFile y = YamlFile::Load(path);
  Diagnostics diags;
  auto sys = std::make_shared<IndicatorSystem>();
  sys->file = path;
  const YamlNode& root = y.root();
  if (!y.IsMap(root, "indicator system", "", diags)) throw InputError(diags);
  y.CheckKeys(root, {"name", "total", "grades", "deduction_cap", "notes", "indicators", "layout", "options"},
              "", diags);
  ReadSystemOptions(y, root, *sys, diags);  // layout: self_evaluation and its options
  sys->name = y.String(root, "name", true, "", diags).value_or("");
  sys->total = y.Number(root, "total", false, "", diags).value_or(Decimal(100));
  sys->deduction_cap = y.Number(root, "deduction_cap", false, "", diags);
  if (YamlNode notes = root["notes"]) {
    if (y.IsList(notes, "notes", "", diags))
      for (const auto& n : notes) sys->notes.push_back(n.Scalar());
  }

  if (YamlNode grades = root["grades"]) {
    if (y.IsList(grades, "grades", "", diags)) {
      int integer_forms = 0;
      for (const auto& g : grades) {
        if (!y.IsMap(g, "grade {name, min} or {name, range}", "", diags)) continue;
        y.CheckKeys(g, {"name", "min", "range"}, "", diags);
        GradeBand band;
        band.name = y.String(g, "name", true, "", diags).value_or("");
        if (g["range"]) {
          // Local rules write "80-89分为良", meaning [80, 90): integer bands
          // are read as half-open with the next integer as the top.
          std::string text = g["range"].Scalar();
          size_t dash = text.find_first_of("-~");
          auto lo = Decimal::Parse(text.substr(0, dash));
          if (!lo || dash == std::string::npos) {
            diags.Error(y.Loc(g["range"]), "", msg::kBadGradeRange, text);
            continue;
          }
          band.min = *lo;
          band.written = text;
          ++integer_forms;
        } else {
          band.min = y.Number(g, "min", true, "", diags).value_or(Decimal());
          band.written = "≥" + band.min.ToExactString();
        }
        if (!sys->grades.empty() && band.min >= sys->grades.back().min)
          diags.Error(y.Loc(g), "", msg::kGradesOrder);
        sys->grades.push_back(band);
      }
      sys->integer_grade_bands = integer_forms > 0;
    }
  } else {
    sys->grades = DefaultGrades();
  }

  SystemReader reader{y, diags, {}};
  YamlNode inds = root["indicators"];
  if (!inds) {
    diags.Error(y.Loc(root), "", msg::kMissingKey, "indicators");
  } else if (y.IsList(inds, "indicators", "", diags)) {
    for (const auto& n : inds)
      if (auto ind = reader.ReadIndicator(n, 1)) sys->roots.push_back(std::move(*ind));
    Decimal sum;
    for (const auto& r : sys->roots) sum += r.weight;
    if (!sys->roots.empty() && sum != sys->total)
      diags.Error(y.Loc(inds), "", msg::kRootWeightSum, sum.ToExactString(),
                  sys->total.ToExactString());
  }
  if (diags.HasErrors()) throw InputError(diags);
  return sys;
}

const Indicator* IndicatorSystem::Find(const std::string& code) const {
  const Indicator* hit = nullptr;
  ForEach([&](const Indicator& n) {
    if (n.code == code) hit = &n;
  });
  return hit;
}

int IndicatorSystem::Depth() const {
  int d = 0;
  ForEach([&](const Indicator& n) { d = std::max(d, n.level); });
  return d;
}

int IndicatorSystem::CountAtLevel(int level) const {
  int c = 0;
  ForEach([&](const Indicator& n) { c += n.level == level ? 1 : 0; });
  return c;
}

std::vector<GradeBand> DefaultGrades() {
  // 财预〔2020〕10号 and 002 表2-1: 优 ≥ 90 > 良 ≥ 80 > 中 ≥ 60 > 差.
  return {{"优", Decimal(90), "100≥X≥90"},
          {"良", Decimal(80), "90>X≥80"},
          {"中", Decimal(60), "80>X≥60"},
          {"差", Decimal(0), "X<60"}};
}

std::string GradeFor(const IndicatorSystem& sys, const Decimal& total) {
  for (const auto& g : sys.grades)
    if (total >= g.min) return g.name;
  return sys.grades.empty() ? "" : sys.grades.back().name;
}

const char* RuleKindName(RuleKind k) {
  switch (k) {
    case RuleKind::kChecklist: return "checklist";
    case RuleKind::kChecklistPoints: return "checklist_points";
    case RuleKind::kRatio: return "ratio";
    case RuleKind::kSteps: return "steps";
    case RuleKind::kProportional: return "proportional";
    case RuleKind::kBands: return "bands";
    case RuleKind::kAllOrNothing: return "all_or_nothing";
    case RuleKind::kConditions: return "conditions";
    case RuleKind::kQualitative: return "qualitative";
    case RuleKind::kManual: return "manual";
    case RuleKind::kFormula: return "formula";
    case RuleKind::kPassLine: return "pass_line";
    case RuleKind::kTarget: return "target";
    case RuleKind::kBudgetRate: return "budget_rate";
  }
  return "?";
}

}  // namespace jixiao
