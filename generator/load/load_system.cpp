#include <cctype>
#include <filesystem>
#include <set>

#include "load/load.h"
#include "base/messages.h"
#include "load/load_self_evaluation.h"
#include "rules/rule_kind.h"
#include "formats/yaml/yaml_source.h"

namespace jixiao {
namespace {

struct SystemReader {
  const YamlFile& y;
  Diagnostics& diags;
  std::set<std::string> codes;

  std::optional<Rule> ReadRule(const YamlNode& r, const Indicator& ind) {
    const std::string& code = ind.code;
    if (!y.IsMap(r, "rule", code, diags)) return std::nullopt;
    Rule rule;
    rule.loc = y.Loc(r);
    auto kind = y.String(r, "kind", true, code, diags);
    if (!kind) return std::nullopt;
    const RuleKindUnit* unit = FindRuleKind(*kind);
    if (!unit) {
      std::vector<std::string> names;
      for (const RuleKindUnit* u : RuleKindUnits()) names.push_back(u->name());
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
      diags.ErrorHint(y.Loc(r["kind"]), code, NearestName(*kind, names), msg::kUnknownRuleKind,
                      *kind, list);
      return std::nullopt;
    }
    rule.kind = unit->kind();
    try {
      unit->Read(RuleSource{y, r, ind, diags}, rule);  // rules/kinds/<kind>.cpp
    } catch (const DecimalLimitError&) {  // shares or limits whose exact values grow past the bound
      diags.Error(y.Loc(r), code, msg::kValueTooLarge, kMaxExactDigits);
      return std::nullopt;
    }
    return rule;
  }

  std::optional<Indicator> ReadIndicator(const YamlNode& n, int level) {
    if (!y.IsMap(n, "indicator", "", diags)) return std::nullopt;
    if (level > kMaxIndicatorLevels) {  // before reading further down
      diags.Error(y.Loc(n), n["code"].Scalar(), msg::kIndicatorTooDeep, kMaxIndicatorLevels);
      return std::nullopt;
    }
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
  // Only a .yaml file is read as a system; a file that is not one is named,
  // never quoted (its lines are no one's business here).
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".yaml" && ext != ".yml") Fail(SourceLoc{path}, "", msg::kSystemNotYaml, path);
  YamlFile y = YamlFile::Load(path);
  Diagnostics diags;
  auto sys = std::make_shared<IndicatorSystem>();
  sys->file = path;
  const YamlNode& root = y.root();
  if (!root.IsMap()) Fail(SourceLoc{path}, "", msg::kNotIndicatorSystem);
  y.CheckKeys(root, {"name", "total", "grades", "deduction_cap", "notes", "indicators", "layout", "options"},
              "", diags);
  ReadSystemOptions(y, root, *sys, diags);  // layout: self_evaluation and its options
  sys->name = y.String(root, "name", true, "", diags).value_or("");
  sys->total = y.Number(root, "total", false, "", diags).value_or(Decimal(100));
  if (sys->total.Sign() <= 0) diags.Error(y.Loc(root["total"]), "", msg::kMustBePositive, "total");
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
        if (band.min > Decimal(100))
          diags.Error(y.Loc(g), "", msg::kGradeAboveHundred, band.min.ToExactString(),
                      sys->total.ToExactString(), sys->total.ToExactString());
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

Decimal GradePoints(const IndicatorSystem& sys, const Decimal& total) {
  if (sys.total == Decimal(100) || sys.total.Sign() <= 0) return total;
  return total * Decimal(100) / sys.total;
}

std::string GradeFor(const IndicatorSystem& sys, const Decimal& total) {
  const Decimal points = GradePoints(sys, total);
  for (const auto& g : sys.grades)
    if (points >= g.min) return g.name;
  return sys.grades.empty() ? "" : sys.grades.back().name;
}

}  // namespace jixiao
