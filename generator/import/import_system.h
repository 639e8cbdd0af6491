// Importing a scoring sheet: an .xlsx in 附件1's layout in, an indicator
// system out.
//
// The sheet is read by load/load_scoring_sheet.h (the layout it accepts is
// described there). Each leaf's rule is inferred from its 评分标准
// (infer_rule.cpp), only for the common wordings; any other text gives a
// manual rule and the reason, so nothing is guessed silently. The result
// is written with yaml-cpp's emitter and must load with LoadSystem.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "model/indicator.h"
#include "model/stated.h"

namespace jixiao {

// What the wording of one 评分标准 gives.
struct Inference {
  Rule rule;                 // kManual when no common wording matched
  Text why;                  // for kManual: why
  std::vector<Text> notes;   // text the rule does not use, points that cannot reach the weight
  // Value names with the definition the text gives them
  // ("预算执行率" → "预算执行率=（实际支出资金/实际到位资金）×100%").
  std::vector<std::pair<std::string, std::string>> definitions;
};

// `criteria` as written in the sheet; `weight` the leaf's weight (a "得4分"
// that is the full score must equal it).
Inference InferRule(const std::string& criteria, const Decimal& weight);

// A 要点-scored wording as read, before it becomes a `points` rule
// (rules/kinds/points.h: ScoringPoint, PointsParams, field for field):
// "要点①②③④各占指标分值的1/4", "①③各占10%、②占80%，②每项不满足扣20%，
// 五项及以上不得分", "每出现一项不满足扣该要点1/3，三项及以上不得分",
// "不满足时，各要点得分为：及时率×权重分值", "否则按偏差率扣除相应权重分值",
// "每发现一家对象不达标，扣指标分值的10%". A wording without ①② items is
// one point, the whole indicator.
struct PointWording {
  enum class Kind { kMet, kFailures, kRate, kDeviation, kManual };
  Kind kind = Kind::kMet;
  std::string text;        // the point as written
  Decimal share;           // of the weight; the shares sum to 1
  std::string share_text;  // as written ("1/4", "80%", "2分"); "" when shared equally
  Decimal per_failure;     // kFailures: the share of the point each failure takes
  int zero_at = 0;         // kFailures: failures at which the point scores 0; 0 for none
  std::string value;       // kRate, kDeviation: the value it reads
};
struct PointsWording {
  std::vector<PointWording> points;
  std::optional<Decimal> per_object;  // a share of the weight per object counted
  std::string object;                 // what is counted ("家对象不达标")
  std::vector<std::string> unused;    // clauses the reading did not use
};
// nullopt when the text has none of these wordings (a plain checklist
// "N项各占1/N权重分" or "…得N分" items are checklist kinds), or when what it
// says does not add up (shares that do not sum to 1, a point named twice).
std::optional<PointsWording> ReadPointsWording(const std::string& criteria, const Decimal& weight);

// The project values a rule reads (value:, and the names in when: formulas).
std::vector<std::string> RuleValueNames(const Rule& rule);

struct ImportOptions {
  std::string sheet;   // the worksheet to read; default: the first with the layout
  std::string name;    // the system's name; default: from the title row, else the file name
  bool force = false;  // overwrite an existing output (commands/import.h)
};

// One leaf as imported: its inferred kind and, for manual ones, why.
struct ImportedLeaf {
  std::string code;
  std::string name;
  SourceLoc loc;  // the criteria cell
  RuleKind kind = RuleKind::kManual;
  Text why;
  std::vector<Text> notes;
};

struct ImportedSystem {
  std::string path;   // the workbook
  std::string sheet;  // the worksheet read
  IndicatorSystem system;
  std::vector<ImportedLeaf> leaves;  // in sheet order
  int generated_codes = 0;           // codes the sheet did not write
  // Every value the rules read, in order of first use, with the definition
  // the criteria give (or "").
  std::vector<std::pair<std::string, std::string>> values;
};

// Reads the workbook (LoadScoringSheet) and infers each leaf's rule.
// Throws InputError naming the workbook (and sheet!cell): a layout that
// cannot be recognised (saying which labels were looked for), a parent's
// name missing, a weight missing or not a number, weights that do not sum,
// a code used twice. `bytes`, when given, are the workbook held in memory
// (an upload) that `xlsx_path` only names; null reads `xlsx_path`.
ImportedSystem ReadScoringSheet(const std::string& xlsx_path, const ImportOptions& options = {},
                                const std::string* bytes = nullptr);

// The system as indicator-system YAML (yaml-cpp's emitter: UTF-8, block
// style, literal blocks for multi-line texts).
std::string EmitSystemYaml(const ImportedSystem& imported);

// What the import did, for the terminal: counts per level, inferred kinds,
// the manual leaves with their reasons, notes, the values projects must give.
std::string RenderImportSummary(const ImportedSystem& imported, const std::string& out_path, Language lang);

}  // namespace jixiao
