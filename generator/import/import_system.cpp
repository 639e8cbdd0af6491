// A scoring sheet in 附件1's layout (read by load_scoring_sheet.cpp) into
// an indicator system with inferred rules, and that system as YAML. The
// rules come from infer_rule.cpp.
#include "import/import_system.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "formats/xlsx/layouts/scoring_sheet.h"
#include "load/load.h"
#include "load/load_scoring_sheet.h"
#include "import/one_column_sheet.h"
#include "rules/rule_kind.h"

namespace jixiao {
namespace {

// ---- YAML -------------------------------------------------------------

// Where literal blocks were written: yaml-cpp 0.7 writes "|" (clip), which
// reads back with a final newline the text never had; "|-" (strip) keeps it
// exact, so EmitSystemYaml adds the "-" at exactly these offsets.
using LiteralMarks = std::vector<size_t>;

void EmitText(YAML::Emitter& out, const char* key, const std::string& text, LiteralMarks& marks) {
  if (text.empty()) return;
  out << YAML::Key << key << YAML::Value;
  if (text.find('\n') == std::string::npos) {
    out << text;
    return;
  }
  const size_t before = out.size();
  out << YAML::Literal << text;
  const char* written = out.c_str();
  for (size_t i = before; i < out.size(); ++i)
    if (written[i] == '|') {
      marks.push_back(i + 1);
      break;
    }
}

// `comment` follows the kind on its line ("kind: manual  # …"), where it
// cannot fall inside a literal block.
void EmitRule(YAML::Emitter& out, const Rule& r, const std::string& comment) {
  out << YAML::Key << "rule" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "kind" << YAML::Value << RuleKindName(r.kind);
  if (!comment.empty()) out << YAML::Comment(comment);
  UnitOf(r.kind).EmitYaml(out, r);  // rules/kinds/<kind>.cpp
  out << YAML::EndMap;
}

void EmitIndicator(YAML::Emitter& out, const Indicator& ind,
                   const std::map<std::string, const ImportedLeaf*>& leaves, LiteralMarks& marks) {
  out << YAML::BeginMap;
  out << YAML::Key << "code" << YAML::Value << ind.code;
  out << YAML::Key << "name" << YAML::Value << ind.name;
  out << YAML::Key << "weight" << YAML::Value << ind.weight.ToExactString();
  EmitText(out, "explanation", ind.explanation, marks);
  EmitText(out, "criteria", ind.criteria, marks);
  if (!ind.children.empty()) {
    out << YAML::Key << "children" << YAML::Value << YAML::BeginSeq;
    for (const auto& c : ind.children) EmitIndicator(out, c, leaves, marks);
    out << YAML::EndSeq;
  } else if (ind.rule) {
    auto it = leaves.find(ind.code);
    std::string comment;
    if (it != leaves.end() && ind.rule->kind == RuleKind::kManual)
      comment = it->second->why.zh + " / " + it->second->why.en;
    EmitRule(out, *ind.rule, comment);
  }
  out << YAML::EndMap;
}

Text Both(const MessageDef& def, const std::string& zh_arg, const std::string& en_arg) {
  return Text{fmt::format(fmt::runtime(def.zh), zh_arg), fmt::format(fmt::runtime(def.en), en_arg)};
}

}  // namespace

ImportedSystem ReadScoringSheet(const std::string& xlsx_path, const ImportOptions& options,
                                const std::string* bytes) {
  ScoringSheetOptions read;
  read.sheet = options.sheet;
  read.name = options.name;
  // 附件1 with a 名称 | 权重 pair per level (load/), else with one weight
  // column for all levels (one_column_sheet.h); neither: the first
  // reader's refusal, which names the labels looked for.
  std::optional<ScoringSheet> read_sheet;
  try {
    read_sheet = LoadScoringSheet(xlsx_path, read, bytes);
  } catch (const InputError&) {
    read_sheet = ReadOneColumnSheet(xlsx_path, read, bytes);
    if (!read_sheet) throw;
  }
  ScoringSheet sheet = std::move(*read_sheet);
  ImportedSystem im;
  im.path = sheet.path;
  im.sheet = sheet.sheet;
  im.system = std::move(sheet.system);
  im.generated_codes = sheet.generated_codes;
  // The leaves in sheet order, as LoadScoringSheet lists them.
  size_t next = 0;
  std::function<void(Indicator&)> infer = [&](Indicator& ind) {
    for (auto& c : ind.children) infer(c);
    if (!ind.children.empty()) return;
    const ScoringSheetLeaf& leaf = sheet.leaves[next++];
    Inference inf = InferRule(ind.criteria, ind.weight);
    ind.rule = inf.rule;
    im.leaves.push_back(ImportedLeaf{ind.code, ind.name, leaf.criteria_loc, inf.rule.kind, inf.why, inf.notes});
    for (const auto& name : RuleValueNames(inf.rule)) {
      std::string def;
      for (const auto& [v, d] : inf.definitions)
        if (v == name) def = d;
      auto it = std::find_if(im.values.begin(), im.values.end(),
                             [&](const auto& p) { return p.first == name; });
      if (it == im.values.end()) im.values.emplace_back(name, def);
      else if (it->second.empty()) it->second = def;
    }
  };
  for (auto& root : im.system.roots) infer(root);
  return im;
}

std::string EmitSystemYaml(const ImportedSystem& im) {
  std::map<std::string, const ImportedLeaf*> leaves;
  for (const auto& l : im.leaves) leaves[l.code] = &l;
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  out.SetIndent(2);
  const std::string file = std::filesystem::path(im.path).filename().string();
  out << YAML::Comment(im.system.name);
  out << YAML::Newline;
  out << YAML::Comment("由 jixiao import 从 " + file + "（工作表 " + im.sheet +
                       "）导入；评分规则由评分标准文字推断，请核对。 / Imported by jixiao import from " +
                       file + " (sheet " + im.sheet + "); the rules are inferred from the criteria: check them.");
  out << YAML::Newline;
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << im.system.name;
  out << YAML::Key << "total" << YAML::Value << im.system.total.ToExactString();
  if (im.system.deduction_cap)
    out << YAML::Key << "deduction_cap" << YAML::Value << im.system.deduction_cap->ToExactString();
  out << YAML::Key << "indicators" << YAML::Value << YAML::BeginSeq;
  LiteralMarks marks;
  for (const auto& r : im.system.roots) EmitIndicator(out, r, leaves, marks);
  out << YAML::EndSeq;
  out << YAML::EndMap;
  if (!out.good()) Fail(SourceLoc{im.path}, "", msg::kCannotWrite, out.GetLastError());
  std::string yaml = out.c_str();
  for (auto it = marks.rbegin(); it != marks.rend(); ++it) yaml.insert(*it, "-");
  return yaml + "\n";
}

std::string RenderImportSummary(const ImportedSystem& im, const std::string& out_path, Language lang) {
  std::string s;
  auto line = [&](const Text& t) { s += Pick(t, lang) + "\n"; };
  const IndicatorSystem& sys = im.system;
  line(Format(msg::kImportDone, im.path, im.sheet, out_path));
  line(Format(msg::kImportSystemName, sys.name, sys.total.ToExactString()));

  std::string zh, en;
  for (int level = 1; level <= std::min(sys.Depth(), 9); ++level) {
    int n = sys.CountAtLevel(level);
    zh += (zh.empty() ? "" : "，") + fmt::format(fmt::runtime(msg::kImportLevelCount.zh), scoring_sheet::kLevelNumerals[level - 1], n);
    en += (en.empty() ? "" : ", ") + fmt::format(fmt::runtime(msg::kImportLevelCount.en), n, level);
  }
  line(Both(msg::kImportLevels, zh, en));
  int total_codes = 0;
  sys.ForEach([&](const Indicator&) { ++total_codes; });
  line(Format(msg::kImportCodes, total_codes - im.generated_codes, im.generated_codes));

  std::map<RuleKind, int> kinds;
  for (const auto& l : im.leaves) ++kinds[l.kind];
  std::string ks;
  for (const auto& [k, n] : kinds) ks += (ks.empty() ? "" : ", ") + std::string(RuleKindName(k)) + " " + std::to_string(n);
  line(Format(msg::kImportKinds, ks));

  auto leaf_line = [&](const ImportedLeaf& l, const Text& t) {
    s += Pick(Text{fmt::format(fmt::runtime(msg::kImportLeafLine.zh), l.code, l.name, l.loc.cell, t.zh),
                   fmt::format(fmt::runtime(msg::kImportLeafLine.en), l.code, l.name, l.loc.cell, t.en)},
                lang) +
         "\n";
  };
  int manual = kinds.count(RuleKind::kManual) ? kinds[RuleKind::kManual] : 0;
  if (manual > 0) {
    line(Format(msg::kImportManual, manual));
    for (const auto& l : im.leaves)
      if (l.kind == RuleKind::kManual) leaf_line(l, l.why);
  }
  bool any_notes = false;
  for (const auto& l : im.leaves) any_notes = any_notes || !l.notes.empty();
  if (any_notes) {
    line(Format(msg::kImportNotes));
    for (const auto& l : im.leaves)
      for (const auto& n : l.notes) leaf_line(l, n);
  }
  if (!im.values.empty()) {
    line(Format(msg::kImportValues));
    for (const auto& [name, def] : im.values)
      line(def.empty() ? Format(msg::kImportValueLine, name) : Format(msg::kImportValueDefined, name, def));
  }
  int answers = 0;
  sys.ForEach([&](const Indicator& n) {
    // The leaves whose kind needs the evaluator's answer (rules/kinds/).
    if (n.rule && UnitOf(n.rule->kind).RequiredAnswer(*n.rule)) ++answers;
  });
  if (answers > 0) line(Format(msg::kImportAnswers, answers));
  return s;
}

}  // namespace jixiao
