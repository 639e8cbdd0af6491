// Stated figures: what a submitted report or score sheet says, kept apart
// from the data jixiao computes from, so `check` can compare the two.
//
// Read from the optional `stated:` section of project.yaml (load_stated.cpp)
// or from a submitted workbook. Every figure keeps the text it was written
// as and where it stands.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "base/diagnostics.h"

namespace jixiao {

struct StatedNumber {
  Decimal value;
  std::string text;  // as written: "8.63%", "2993.54"
  bool percent = false;
  SourceLoc loc;
  // Decimals as written (2 for "8.63%" counts the percent's), the precision
  // the figure claims; a recomputed figure is rounded to it before comparing.
  int places = 0;  // not a display precision: ParseStatedNumber sets it from the text
  // Where the submitted document prints it ("附件1 第 5 行", "表1-3"), when
  // project.yaml says so ({value: …, where: …}): the place a finding names.
  std::string where;
};

struct StatedText {
  std::string text;
  std::string where;  // which part of the document says it: "正文 四（四）"
  SourceLoc loc;
};

struct StatedSurvey {
  std::string id;  // matches a survey id of the project
  std::vector<StatedNumber> shares;  // one per option, in order
  std::optional<StatedNumber> total;  // the respondents the document says
  std::optional<StatedNumber> mean;   // for rated items: the stated average
  SourceLoc loc;
};

struct StatedYear {
  std::string year;
  std::optional<StatedNumber> opening, income, spending, net, closing;
  SourceLoc loc;
};

struct StatedTable {
  std::string title;
  std::vector<std::pair<std::string, StatedNumber>> rows;
  std::optional<StatedNumber> total;
  SourceLoc loc;
};

// One figure the document gives in several places ("2023 年末结余": 表5
// 1476.06, 正文 1447.6).
struct StatedFigure {
  std::string name;
  std::vector<std::pair<std::string, StatedNumber>> mentions;  // where → value
  SourceLoc loc;
};

// A defect of a submitted form met while reading it for review — an empty
// row, a blank 分值 or 年度指标值, a 总额 that is not the sum of its 其中
// rows, template text left in place. The form is read on past it, and
// `check` reports it as a finding of `kind` (check.h lists the kinds).
struct StatedDefect {
  Severity severity = Severity::kError;
  std::string kind;
  SourceLoc loc;
  std::string code;      // the indicator, if any
  std::string subject;   // what it is: "B11 城乡医疗救助代参保人数 分值"
  std::string stated;    // as written ("" for a blank)
  std::string expected;  // what belongs there, when known
  std::string message;   // the whole finding, in Chinese
};

struct Stated {
  bool present = false;
  std::vector<StatedDefect> defects;  // met while reading a submitted form
  std::string source;  // the document the figures come from
  std::optional<StatedNumber> total;
  std::optional<StatedText> grade;
  std::optional<StatedNumber> deductions;
  std::map<std::string, StatedNumber> scores;  // indicator code → 得分
  // A submitted form's 得分 cells left blank (code → cell), and its blank 合计.
  std::map<std::string, SourceLoc> blank_scores;
  std::optional<SourceLoc> blank_total;
  std::map<std::string, StatedNumber> rates;   // indicator code → 得分率
  std::map<std::string, StatedNumber> values;  // value or metric name → figure
  std::map<std::string, StatedText> names;     // indicator code → another name used for it
  std::vector<StatedSurvey> surveys;
  std::vector<StatedYear> balances;
  std::vector<StatedTable> tables;
  std::vector<StatedFigure> figures;
};

// Parses a stated figure's text: "8.63%" → 0.0863 with places 2 (of the
// percent), "2993.54" → places 2.
std::optional<StatedNumber> ParseStatedNumber(const std::string& text, const SourceLoc& loc);

// Whether a submitted text is the form's own instruction left in place
// ("（100字以内）", "请填写…", "填表说明") rather than an answer.
bool IsTemplateText(const std::string& text);

}  // namespace jixiao
