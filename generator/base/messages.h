// The message table: every diagnostic jixiao prints, in Chinese and
// English, with a stable id. Arguments are fmt-style {} in order.
#pragma once

#include "base/diagnostics.h"

namespace jixiao::msg {

// Files and syntax
inline constexpr MessageDef kCannotRead{"cannot-read", "无法读取文件（不存在或无权限）", "cannot read the file (missing or not readable)"};
inline constexpr MessageDef kYamlUnquotedCondition{"yaml-unquoted-formula", "含“? :”的公式须加引号，写作 {}: \"{}\"", "a formula with '? :' must be quoted: {}: \"{}\""};
inline constexpr MessageDef kYamlSyntax{"yaml-syntax", "YAML 语法错误：{}", "YAML syntax error: {}"};
inline constexpr MessageDef kYamlDuplicateKey{"yaml-duplicate-key", "键“{}”重复出现（第一次在第 {} 行）", "the key '{}' appears twice (first on line {})"};
inline constexpr MessageDef kYamlControlCharacter{"yaml-control-character", "文本中有控制字符 U+{}（文本只可含换行和制表符，不可含 ESC、NUL、双向控制符等）", "the text holds the control character U+{} (text may hold line breaks and tabs, not ESC, NUL, bidirectional controls and the like)"};
inline constexpr MessageDef kYamlTooLarge{"yaml-too-large", "YAML 文件展开后超过 {} 个节点（别名引用过多）", "the YAML file expands to more than {} nodes (too many alias references)"};
inline constexpr MessageDef kYamlTooManyBytes{"yaml-too-many-bytes", "YAML 文件展开别名后文字超过 {} 字节（别名引用过多）", "the YAML file's text expands to more than {} bytes through its aliases (too many alias references)"};
inline constexpr MessageDef kYamlTooDeep{"yaml-too-deep", "YAML 嵌套超过 {} 层", "the YAML nests more than {} levels deep"};
inline constexpr MessageDef kNotRegularFile{"not-regular-file", "不是普通文件（{}）：输入只能是普通文件", "not a regular file ({}): inputs must be regular files"};
inline constexpr MessageDef kInputTooLarge{"input-too-large", "文件大小 {} 字节，超过输入文件的上限 {} 字节", "the file is {} bytes, above the input limit of {}"};
inline constexpr MessageDef kOutOfMemory{"out-of-memory", "内存不足，无法继续（{}）", "out of memory ({})"};
inline constexpr MessageDef kCannotWrite{"cannot-write", "无法写入：{}", "cannot write: {}"};
inline constexpr MessageDef kPathNotAllowed{"path-not-allowed", "路径在允许的文件夹之外，未读取（允许：{}；可用 --allow-path 增加）", "the path lies outside the allowed folders and was not read (allowed: {}; add one with --allow-path)"};
inline constexpr MessageDef kSystemNotYaml{"system-not-yaml", "“{}”不是指标体系文件（应为 .yaml 或 .yml 文件）", "'{}' is not an indicator system (expected a .yaml or .yml file)"};
inline constexpr MessageDef kSystemNotInFolder{"system-not-found", "指标体系“{}”不存在或在允许的文件夹之外，指标体系文件夹 {} 中也没有同名文件“{}”（应为 .yaml 指标体系文件）", "the indicator system '{}' does not exist or lies outside the allowed folders, and the systems folder {} holds no file named '{}' (expected a .yaml indicator system)"};
inline constexpr MessageDef kNotIndicatorSystem{"not-indicator-system", "不是指标体系文件：应为含 name 和 indicators 的 YAML 映射", "not an indicator system: expected a YAML map with name and indicators"};
inline constexpr MessageDef kBatchSymlink{"batch-symlink", "是符号链接，未跟随（批量处理只读输入文件夹中的文件）", "is a symbolic link, not followed (a batch reads only the files in its input folder)"};
inline constexpr MessageDef kBatchTimeout{"batch-timeout", "处理超过 {} 秒，已停止（可用 --timeout 调整）", "took longer than {} s and was stopped (see --timeout)"};
inline constexpr MessageDef kBatchCrashed{"batch-crashed", "处理时进程异常终止（{}），未生成报告", "the process processing it died ({}); no report written"};
inline constexpr MessageDef kBatchOutputClash{"batch-output-clash", "输出文件夹 {} 与 {} 的相同，未处理（请改名其一）", "its output folder {} is the same as that of {}; not processed (rename one of them)"};

// Shape of the files
inline constexpr MessageDef kUnknownKey{"unknown-key", "未知的键“{}”（可用：{}）", "unknown key '{}' (expected one of: {})"};
inline constexpr MessageDef kMissingKey{"missing-key", "缺少必填项“{}”", "missing required key '{}'"};
inline constexpr MessageDef kExpectedMap{"expected-map", "“{}”应为键值映射", "'{}' should be a mapping of keys to values"};
inline constexpr MessageDef kExpectedList{"expected-list", "“{}”应为列表", "'{}' should be a list"};
inline constexpr MessageDef kExpectedText{"expected-text", "“{}”应为文字", "'{}' should be text"};
inline constexpr MessageDef kExpectedNumber{"expected-number", "应为数字，实际为“{}”", "expected a number, found \"{}\""};
inline constexpr MessageDef kExpectedYesNo{"expected-yes-no", "应为 是/否（true/false），实际为“{}”", "expected yes/no (true/false), found \"{}\""};
inline constexpr MessageDef kBadChoice{"bad-choice", "“{}”不是可选值（可选：{}）", "'{}' is not one of: {}"};
inline constexpr MessageDef kEmptyList{"empty-list", "“{}”不能为空", "'{}' must not be empty"};
inline constexpr MessageDef kMustBePositive{"must-be-positive", "“{}”必须为正数", "'{}' must be positive"};
inline constexpr MessageDef kBadPlaces{"bad-places", "显示位数 {} 应为 0 到 8 的整数", "places {} should be a whole number from 0 to 8"};
inline constexpr MessageDef kDidYouMean{"did-you-mean", "（是否应为“{}”？）", " (did you mean '{}'?)"};

// Indicator systems
inline constexpr MessageDef kDuplicateCode{"duplicate-code", "指标编码 {} 重复", "indicator code {} is used twice"};
inline constexpr MessageDef kWeightSum{"weight-sum", "下级指标权重合计 {}，与本指标权重 {} 不符", "the children's weights sum to {}, but the weight is {}"};
inline constexpr MessageDef kRootWeightSum{"root-weight-sum", "一级指标权重合计 {}，与体系总分 {} 不符", "the top-level weights sum to {}, but the system's total is {}"};
inline constexpr MessageDef kIndicatorTooDeep{"indicator-too-deep", "指标层级超过 {} 级", "indicators nest more than {} levels deep"};
inline constexpr MessageDef kGradeAboveHundred{"grade-above-hundred", "等级下限 {} 超过 100：等级按得分占总分的百分比划分（总分 {} 时，{} 分即 100）", "the grade's lower bound {} is above 100: grades are read as a percentage of the total (with a total of {}, {} points are 100)"};
inline constexpr MessageDef kLeafWithoutRule{"leaf-without-rule", "末级指标缺少评分规则（rule）", "a leaf indicator needs a scoring rule (rule)"};
inline constexpr MessageDef kRuleOnParent{"rule-on-parent", "有下级指标的指标不能有评分规则：得分由下级汇总", "an indicator with children cannot have a rule: its score is the sum of its children"};
inline constexpr MessageDef kUnknownRuleKind{"unknown-rule-kind", "未知的评分规则类型“{}”（可用：{}）", "unknown rule kind '{}' (expected one of: {})"};
inline constexpr MessageDef kFormulaSyntax{"formula-syntax", "公式“{}”有误：{}", "formula '{}' is malformed: {}"};
inline constexpr MessageDef kBandsOrder{"bands-order", "评分区间应从高到低排列：{} 不低于上一档的 {}", "bands must go from high to low: {} is not below the previous band's {}"};
inline constexpr MessageDef kBandAfterElse{"band-after-else", "没有下限（min）的区间必须是最后一档", "a band without a min must be the last one"};
inline constexpr MessageDef kPassAboveFull{"pass-above-full", "及格线（pass）必须低于满分线（full）", "pass must be below full"};
inline constexpr MessageDef kGradesOrder{"grades-order", "评价等级应从高到低排列", "grades must go from the highest band to the lowest"};
inline constexpr MessageDef kBadGradeRange{"bad-grade-range", "等级区间“{}”应写作“80-89”", "grade range '{}' should be written like '80-89'"};

// Projects
inline constexpr MessageDef kUnknownIndicator{"unknown-indicator", "指标 {} 不在指标体系 {} 中", "indicator {} is not in the system {}"};
inline constexpr MessageDef kAnswerForParent{"answer-for-parent", "指标 {} 有下级指标，得分由下级汇总，不能直接填写（体系 {}）", "indicator {} has children; its score is their sum and cannot be given (system {})"};
inline constexpr MessageDef kDuplicateAnswer{"duplicate-answer", "指标 {} 的评分数据重复", "indicator {} is answered twice"};
inline constexpr MessageDef kExpectedCount{"expected-count", "{} 应为非负整数，实际为 {}", "{} must be a whole number of at least 0, found {}"};
inline constexpr MessageDef kExpectedShare{"expected-share", "{} 应为大于 0、不超过 1 的比例（如 1/4、25%、0.25），实际为“{}”", "{} must be a share above 0 and at most 1 (1/4, 25%, 0.25), found '{}'"};
inline constexpr MessageDef kTooManyPoints{"too-many-points", "评价要点 {} 项，超过上限 {} 项", "{} scoring points, more than the limit of {}"};
inline constexpr MessageDef kPointSharesSum{"point-shares-sum", "各要点分值合计 {} 分，应等于指标分值 {} 分（未写 share 的要点平分余下分值）", "the points' shares add up to {} of the weight {} (points without a share split what is left)"};
inline constexpr MessageDef kPointShareTwice{"point-share-twice", "要点的分值只能用 share（比例）或 points（分）之一写出", "a point's share is written as share or as points, not both"};
inline constexpr MessageDef kPointKindTwice{"point-kind-twice", "一个要点只能有一种计分方式（per_failure、rate、deviation、manual 之一）", "a point has one way of scoring: one of per_failure, rate, deviation, manual"};
inline constexpr MessageDef kPointAnswerNotForKind{"point-answer-not-for-kind", "要点{}不接受 {}：其计分方式为“{}”", "point {} takes no {}: it is scored as '{}'"};
inline constexpr MessageDef kPointScoreAboveShare{"point-score-above-share", "要点{}得分 {} 超过该要点分值 {} 分", "point {} scores {}, above its share of {}"};
inline constexpr MessageDef kPointNeedsScore{"point-needs-score", "要点{}由评价组评定，须在 points 中给出 score（及低于满分时的 reason）", "point {} is scored by the evaluators: give its score (and a reason below full) under points"};
inline constexpr MessageDef kNotAssessableNeedsReason{"not-assessable-needs-reason", "不具备评价条件（not_assessable）须说明理由（reason）", "not assessable needs a reason"};
inline constexpr MessageDef kNoSuchPoint{"no-such-point", "第 {} 项不存在：该指标的评分要点共 {} 项", "point {} does not exist: the indicator has {} points"};
inline constexpr MessageDef kMissingAnswer{"missing-answer", "评分规则 {} 需要评价组填写数据（answers 中的 {}），项目未提供", "rule {} needs the evaluator's answer ({} under answers), which the project does not give"};
inline constexpr MessageDef kMissingAnswerField{"missing-answer-field", "缺少“{}”", "missing '{}'"};
inline constexpr MessageDef kAnswerFieldNotForRule{"answer-field-not-for-rule", "评分规则 {} 只接受：{}", "rule {} takes only: {}"};
inline constexpr MessageDef kScoreAboveWeight{"score-above-weight", "得分 {} 超过满分 {}", "score {} is above the weight {}"};
inline constexpr MessageDef kScoreNeedsReason{"score-needs-reason", "得分 {}（满分 {}）须填写原因（reason）", "score {} (of {}) needs a reason"};
inline constexpr MessageDef kScoreOutsideTier{"score-outside-tier", "得分 {} 不在“{}”档的范围 [{}, {}{} 内", "score {} is outside tier '{}', [{}, {}{}"};
inline constexpr MessageDef kRuleNeedsName{"rule-needs-name", "评分规则需要数据“{}”，项目 {} 未提供", "the rule needs '{}', which the project {} does not give"};
inline constexpr MessageDef kUnknownName{"unknown-name", "公式引用了未定义的名称“{}”", "the formula uses '{}', which is not defined"};
inline constexpr MessageDef kMetricTooLarge{"metric-too-large", "指标计算公式“{}”的精确值（分子或分母）将超过 {} 位数字，无法计算", "metric '{}': its exact value would have more than {} digits in its numerator or denominator"};
inline constexpr MessageDef kValueTooLarge{"value-too-large", "评分计算中的精确值（分子或分母）将超过 {} 位数字，无法计算", "an exact value in the scoring would have more than {} digits in its numerator or denominator"};
inline constexpr MessageDef kMetricTooDeep{"metric-too-deep", "指标计算公式“{}”的引用链超过 {} 层", "metric '{}' depends on a chain of more than {} metrics"};
inline constexpr MessageDef kMetricCycle{"metric-cycle", "指标计算公式“{}”循环引用了自身", "metric '{}' depends on itself"};
inline constexpr MessageDef kDuplicateName{"duplicate-name", "名称“{}”重复定义", "the name '{}' is defined twice"};
inline constexpr MessageDef kDuplicateSurvey{"duplicate-survey", "问卷编号“{}”重复", "survey id '{}' is used twice"};
inline constexpr MessageDef kBadCount{"bad-count", "人数应为非负整数，实际为 {}", "a count must be a whole number, found {}"};
inline constexpr MessageDef kCountsMismatch{"counts-mismatch", "人数共 {} 项，选项共 {} 项，应一一对应", "{} counts for {} options: they must pair up"};
inline constexpr MessageDef kRateOutOfRange{"rate-out-of-range", "比率 {} 超出允许范围（上限 {}）", "rate {} is out of range (limit {})"};
inline constexpr MessageDef kDeductionsWithoutCap{"deductions-without-cap", "项目有减分项，但指标体系 {} 未规定减分上限（deduction_cap）", "the project has deductions but the system {} sets no deduction_cap"};
inline constexpr MessageDef kFormulaEval{"formula-eval", "公式“{}”无法计算：{}", "formula '{}' cannot be computed: {}"};

}  // namespace jixiao::msg

namespace jixiao::msg {
// Reports and templates
inline constexpr MessageDef kTemplateDirMissing{"template-dir-missing", "模板文件夹不存在", "the templates folder does not exist"};
inline constexpr MessageDef kTemplateUnclosedTag{"template-unclosed-tag", "模板语法错误：标签 {0} 没有结束的 {1}", "template syntax error: the tag {0} has no closing {1}"};
inline constexpr MessageDef kTemplateUnclosedSection{"template-unclosed-section", "模板语法错误：{0} 没有对应的 {1}", "template syntax error: {0} is never closed by {1}"};
inline constexpr MessageDef kTemplateUnopenedSection{"template-unopened-section", "模板语法错误：{0} 之前没有打开的段落", "template syntax error: {0} closes no open section"};
inline constexpr MessageDef kTemplateMismatchedSection{"template-mismatched-section", "模板语法错误：{0} 关闭的是第 {2} 行打开的 {1}", "template syntax error: {0} closes {1}, opened on line {2}"};
inline constexpr MessageDef kTemplateBadDelimiters{"template-bad-delimiters", "模板语法错误：无法使用的分隔符设置 {0}", "template syntax error: unusable delimiter setting {0}"};
inline constexpr MessageDef kTemplateTooDeep{"template-too-deep", "模板语法错误：段落 {0} 嵌套超过 {1} 层", "template syntax error: the section {0} is nested more than {1} deep"};
inline constexpr MessageDef kTemplateNestedList{"template-nested-list", "模板错误：列表段落 {0} 嵌套在同名的列表段落中（第 {1} 行打开），输出会成倍增长", "template error: the list section {0} is nested inside a section over the same list (opened on line {1}); the output would multiply"};
inline constexpr MessageDef kTemplateOutputTooLarge{"template-output-too-large", "模板的输出超过上限（{} MB 或 {} 步），已停止：请检查模板中段落的嵌套", "the template's output passed its bound ({} MB or {} steps) and was stopped: check how its sections nest"};
inline constexpr MessageDef kTemplateUnescapedHtml{"template-unescaped-html", "{0} 把变量不加转义地放进 HTML 页面（输入中的文字可能成为 HTML）；请改用双花括号", "{0} puts the variable into the HTML page unescaped (text from inputs could become HTML); use double braces"};
inline constexpr MessageDef kTemplateUnknownVariable{"template-unknown-variable", "模板使用了未知的变量“{}”（变量表见 docs/templates.md）", "the template uses an unknown variable '{}' (see docs/templates.md)"};
inline constexpr MessageDef kMissingFragment{"missing-fragment", "模板需要文字片段 {}，但该文件不存在", "the template needs the text fragment {}, which does not exist"};
inline constexpr MessageDef kPdfConverterMissing{"pdf-converter-missing", "生成 PDF 需要 LibreOffice 和 unoconv：apt-get install libreoffice-writer-nogui unoconv python3-uno fonts-noto-cjk", "writing a PDF needs LibreOffice and unoconv: apt-get install libreoffice-writer-nogui unoconv python3-uno fonts-noto-cjk"};
inline constexpr MessageDef kPdfConversionFailed{"pdf-conversion-failed", "LibreOffice 未能将该文件转为 PDF（{}）", "LibreOffice could not convert the file to PDF ({})"};
inline constexpr MessageDef kReferenceDocxInvalid{"reference-docx-invalid", "不是可用的参考 .docx（应为 Word 或 WPS 保存的 .docx，含 word/styles.xml）：{}", "not a usable reference .docx (expected a .docx saved by Word or WPS, with word/styles.xml): {}"};
inline constexpr MessageDef kReportInconsistency{"report-inconsistency", "报告与数据不符：{}", "the report disagrees with the data: {}"};
inline constexpr MessageDef kReportInconsistencies{"report-inconsistencies", "报告中有 {} 处与数据不符（见上方警告；加 --strict 则不生成报告）", "{} place(s) in the report disagree with the data (see the warnings above; with --strict no report is written)"};
inline constexpr MessageDef kFragmentPlaceholder{"fragment-placeholder", "模板需要文字片段 {}，但该文件不存在：报告中该处写为“{}”（补写该文件后重新生成；加 --strict 则不生成报告）", "the template needs the text fragment {}, which does not exist: the report shows '{}' in its place (write the file and run again; with --strict no report is written)"};

// Reading .xlsx workbooks (xlsx_reader.cpp)
inline constexpr MessageDef kXlsxNotZip{"xlsx-not-zip", "不是有效的 .xlsx 工作簿，无法按 zip 读取（{}）；加密的工作簿请先取消密码", "not a valid .xlsx workbook, cannot be read as a zip ({}); remove the password from an encrypted workbook first"};
inline constexpr MessageDef kXlsxMissingPart{"xlsx-missing-part", "工作簿缺少部件 {}", "the workbook has no part {}"};
inline constexpr MessageDef kXlsxDamaged{"xlsx-damaged", "部件 {} 无法解压：{}", "part {} cannot be inflated: {}"};
inline constexpr MessageDef kXlsxXml{"xlsx-xml", "部件 {} 的 XML 有误：{}", "part {} is not well-formed XML: {}"};
inline constexpr MessageDef kXlsxDoctype{"xlsx-doctype", "部件 {} 含 DOCTYPE 声明；工作簿不需要 DTD 或实体定义，拒绝读取", "part {} has a DOCTYPE; a workbook never needs a DTD or entities, so it is refused"};
inline constexpr MessageDef kXlsxFileTooLarge{"xlsx-file-too-large", "文件大小 {} 字节，超过上限 {} 字节", "the file is {} bytes, above the limit of {}"};
inline constexpr MessageDef kXlsxTooManyEntries{"xlsx-too-many-entries", "zip 条目超过 {} 个，拒绝读取（可能是恶意文件）", "more than {} zip entries: refused (possibly a malicious file)"};
inline constexpr MessageDef kXlsxEntryTooLarge{"xlsx-entry-too-large", "部件 {} 解压后超过 {} 字节，拒绝读取（可能是 zip 炸弹）", "part {} inflates to more than {} bytes: refused (possibly a zip bomb)"};
inline constexpr MessageDef kXlsxTotalTooLarge{"xlsx-total-too-large", "工作簿解压后合计超过 {} 字节，拒绝读取（可能是 zip 炸弹）", "the workbook inflates to more than {} bytes in all: refused (possibly a zip bomb)"};
inline constexpr MessageDef kXlsxTooDeep{"xlsx-too-deep", "部件 {} 的 XML 嵌套超过 {} 层，拒绝读取", "part {} nests XML deeper than {} levels: refused"};
inline constexpr MessageDef kXlsxTooManyCells{"xlsx-too-many-cells", "单元格超过 {} 个，拒绝读取", "more than {} cells: refused"};
inline constexpr MessageDef kXlsxTooMuchText{"xlsx-too-much-text", "单元格文字合计超过 {} 字节，拒绝读取", "the cells' text exceeds {} bytes in all: refused"};
inline constexpr MessageDef kXlsxBadCellRef{"xlsx-bad-cell-ref", "单元格引用“{}”无效", "invalid cell reference '{}'"};
inline constexpr MessageDef kXlsxBadSharedString{"xlsx-bad-shared-string", "共享字符串编号“{}”不存在（共 {} 个）", "shared string '{}' does not exist (the table has {})"};
}  // namespace jixiao::msg

namespace jixiao::msg {
inline constexpr MessageDef kTextDirMissing{"text-dir-missing", "文字片段文件夹 {} 不存在", "the fragments folder {} does not exist"};
}  // namespace jixiao::msg

namespace jixiao::msg {
// Importing a scoring sheet (import_system.cpp, infer_rule.cpp)
inline constexpr MessageDef kImportNoSheet{"import-no-sheet", "工作簿中没有工作表“{}”（有：{}）", "the workbook has no sheet '{}' (it has: {})"};
inline constexpr MessageDef kImportNoHeader{"import-no-header", "找不到附件1格式的评分表表头（查找了工作表：{}）。应有一行写“一级指标”（及“二级指标”“三级指标”），每级分“名称”“权重”两列（“权重”也可写作“分值”），另有“评分标准”或“指标说明和评分标准”列，可有“指标解释”“得分”“扣分原因”列", "no scoring-sheet header in 附件1's layout (sheets searched: {}). Expected a row with 一级指标 (and 二级指标, 三级指标), each over 名称 and 权重 (or 分值) columns, a 评分标准 or 指标说明和评分标准 column, and optionally 指标解释, 得分, 扣分原因"};
inline constexpr MessageDef kImportLevelsGap{"import-levels-gap", "表头有“{}”，但缺少“{}”", "the header has '{}' but no '{}'"};
inline constexpr MessageDef kImportNoWeightColumn{"import-no-weight-column", "“{}”没有“权重”（或“分值”）列：应在其右侧，或在其下一行的“名称”“权重”中", "'{}' has no 权重 (or 分值) column: expected to its right, or as 名称 | 权重 in the row below"};
inline constexpr MessageDef kImportNoCriteriaColumn{"import-no-criteria-column", "表头有“一级指标”，但找不到“评分标准”（或“指标说明和评分标准”“评分细则”）列", "the header has 一级指标 but no 评分标准 (or 指标说明和评分标准, 评分细则) column"};
inline constexpr MessageDef kImportNoRows{"import-no-rows", "表头下没有指标行", "no indicator rows below the header"};
inline constexpr MessageDef kImportMissingName{"import-missing-name", "{}名称为空，而本行开始了新的下级指标“{}”：上级指标的名称应写在其第一行或合并单元格中", "the {} name is empty, but this row starts a new lower-level indicator '{}': a parent's name belongs on its first row or in a merged cell"};
inline constexpr MessageDef kImportMergeCrosses{"import-merge-crosses", "合并单元格 {} 跨过了上级指标的分界", "the merged range {} runs across the boundary of a parent indicator"};
inline constexpr MessageDef kImportMissingWeight{"import-missing-weight", "指标“{}”缺少权重", "indicator '{}' has no weight"};
inline constexpr MessageDef kImportBadWeight{"import-bad-weight", "指标“{}”的权重应为数字，实际为“{}”", "the weight of '{}' should be a number, found \"{}\""};
inline constexpr MessageDef kImportOrphanText{"import-orphan-text", "本行有文字，但不属于任何指标", "this row has text but belongs to no indicator"};
inline constexpr MessageDef kImportOutputExists{"import-output-exists", "输出文件已存在，未覆盖；如需覆盖请加 --force", "the output already exists and was not overwritten; add --force to overwrite it"};
inline constexpr MessageDef kImportOutputIsInput{"import-output-is-input", "输出文件就是输入的工作簿", "the output is the input workbook itself"};
// Why a leaf became manual, and what its rule leaves out
inline constexpr MessageDef kInferNoPattern{"infer-no-pattern", "未匹配到常见的评分表述", "no common pattern matched"};
inline constexpr MessageDef kInferNoCriteria{"infer-no-criteria", "没有评分标准文字", "no 评分标准 text"};
inline constexpr MessageDef kInferItemCount{"infer-item-count", "写明 {} 项，但列出的要点（①②…）有 {} 项", "says {} items but lists {} (①②…)"};
inline constexpr MessageDef kInferFullNotWeight{"infer-full-not-weight", "满分写作 {} 分，与权重 {} 不符", "the full score is written as {}, but the weight is {}"};
inline constexpr MessageDef kInferBadName{"infer-bad-name", "“{}”不能用作数据名称", "'{}' cannot be used as a value name"};
inline constexpr MessageDef kInferPointsAboveWeight{"infer-points-above-weight", "分段得分 {} 超过权重 {}", "a band's score {} is above the weight {}"};
inline constexpr MessageDef kInferUnusedText{"infer-unused-text", "评分标准中以下文字未用于规则：{}", "text of the criteria the rule does not use: {}"};
inline constexpr MessageDef kInferPointsBelowWeight{"infer-points-below-weight", "各项分值合计 {}，低于权重 {}：全部满足也得不到满分", "the points sum to {}, below the weight {}: full marks cannot be reached"};
// The summary `jixiao import` prints
inline constexpr MessageDef kImportDone{"import-done", "已导入 {}（工作表“{}”）→ {}", "imported {} (sheet '{}') → {}"};
inline constexpr MessageDef kImportSystemName{"import-system-name", "指标体系“{}”，总分 {}", "indicator system '{}', total {}"};
inline constexpr MessageDef kImportLevelCount{"import-level-count", "{}级 {} 项", "{} at level {}"};
inline constexpr MessageDef kImportLevels{"import-levels", "指标：{}", "indicators: {}"};
inline constexpr MessageDef kImportCodes{"import-codes", "编码：表中写明 {} 个，按位置生成 {} 个", "codes: {} from the sheet, {} generated from positions"};
inline constexpr MessageDef kImportKinds{"import-kinds", "推断的评分规则：{}", "inferred rules: {}"};
inline constexpr MessageDef kImportManual{"import-manual", "以下 {} 项指标设为 manual（由评价组在项目 answers 中给分）：", "{} indicator(s) became manual (the evaluator gives the score under answers):"};
inline constexpr MessageDef kImportLeafLine{"import-leaf-line", "  {} {}（{}）：{}", "  {} {} ({}): {}"};
inline constexpr MessageDef kImportNotes{"import-notes", "请核对：", "please check:"};
inline constexpr MessageDef kImportValues{"import-values", "项目须提供的数据名称（写在 values 或 metrics 中）：", "value names the projects must provide (under values or metrics):"};
inline constexpr MessageDef kImportValueLine{"import-value-line", "  {}", "  {}"};
inline constexpr MessageDef kImportValueDefined{"import-value-defined", "  {}（评分标准写明：{}）", "  {} (the criteria define it: {})"};
inline constexpr MessageDef kImportAnswers{"import-answers", "需评价组在 answers 中作答的指标 {} 项（checklist、checklist_points、无 when 的 all_or_nothing、manual）", "{} indicator(s) need the evaluator's answers (checklist, checklist_points, all_or_nothing without when, manual)"};
}  // namespace jixiao::msg

namespace jixiao::msg {
// The data-collection workbook and `jixiao init` (collect_workbook.cpp, load_workbook.cpp)
inline constexpr MessageDef kInitExists{"init-exists", "文件已存在，未覆盖（如需重新生成，加 --force）", "the file already exists and was not overwritten (use --force to replace it)"};
inline constexpr MessageDef kWorkbookConflict{"workbook-conflict", "{}：工作簿填写为“{}”，与 {} 处的“{}”不一致（同一项只在一处填写，或两处填写一致）", "{}: the workbook gives \"{}\", but {} gives \"{}\" (give it in one place, or the same in both)"};
inline constexpr MessageDef kWorkbookNotCollect{"workbook-not-collect", "不是 jixiao 数据采集表：没有 {} 中的任何一个工作表（可用 jixiao init 生成）", "not a jixiao data-collection workbook: it has none of the sheets {} (jixiao init makes one)"};
inline constexpr MessageDef kWorkbookNoHeader{"workbook-no-header", "工作表“{}”中找不到表头“{}”（表头被改动或删除）", "sheet '{}' has no header '{}' (it was changed or removed)"};
inline constexpr MessageDef kWorkbookRowWithoutKey{"workbook-row-without-key", "本行填写了内容，但没有“{}”", "this row is filled in but has no '{}'"};
inline constexpr MessageDef kWorkbookIncompleteRow{"workbook-incomplete-row", "本行缺少“{}”", "this row lacks '{}'"};
inline constexpr MessageDef kWorkbookValueAndFormula{"workbook-value-and-formula", "“{}”同时填写了数值和计算公式，只能填一个", "'{}' has both a value and a formula; give one of them"};
inline constexpr MessageDef kWorkbookNotForRule{"workbook-not-for-rule", "评分方式“{}”不在“评价”列填写：{}", "rule '{}' takes nothing in the 评价 column: {}"};
inline constexpr MessageDef kWorkbookItemRowOnly{"workbook-item-row-only", "评价要点行只在“评价”列选 是/否；得分、原因和佐证材料填在指标所在行", "a checklist point's row takes only 是/否 in the 评价 column; score, reason and evidence go on the indicator's row"};
inline constexpr MessageDef kWorkbookItemMissing{"workbook-item-missing", "评价要点第 {} 项未填写：同一指标的要点须全部选 是/否", "checklist point {} is not filled in: give 是/否 for every point of the indicator"};
inline constexpr MessageDef kWorkbookFormulaNoValue{"workbook-formula-no-value", "单元格是公式 ={}，但文件中没有它的计算结果；请在 Excel、WPS 或 LibreOffice 中打开并保存后再读取", "the cell holds the formula ={} but no computed value; open and save the workbook in Excel, WPS or LibreOffice first"};
inline constexpr MessageDef kWorkbookNotXlsx{"workbook-not-xlsx", "workbook 中列出的“{}”不是 .xlsx 工作簿", "'{}' under workbook: is not an .xlsx workbook"};
}  // namespace jixiao::msg

namespace jixiao::msg {
// Self-evaluation (load_self_evaluation.cpp, self_evaluation.cpp, load_self_form.cpp)
inline constexpr MessageDef kTiersShape{"tiers-shape", "定性指标档次应从高到低首尾相接：最高一档上限为 100%，最低一档下限为 0，每档下限等于下一档上限", "qualitative tiers must run from high to low without gaps: the top one up to 100%, the bottom one down to 0, each one's low the next one's high"};
inline constexpr MessageDef kTargetMissing{"target-missing", "缺少年度指标值：在 answers 中填写 target，或在指标体系的规则中写 target", "no 年度指标值: give target under the project's answers, or in the system's rule"};
inline constexpr MessageDef kActualMissing{"actual-missing", "缺少实际完成值（actual）", "no 实际完成值 (actual)"};
inline constexpr MessageDef kActualNotNumber{"actual-not-number", "年度指标值“{}”是定量指标，实际完成值“{}”不是数值：请填写数值，或由评价组给出得分（score）和理由（reason）", "the target '{}' is quantitative but the actual '{}' is not a number: give a number, or the evaluator's score and reason"};
inline constexpr MessageDef kActualNotYesNo{"actual-not-yes-no", "年度指标值“{}”为是/否，实际完成值“{}”应为“是”或“否”", "the target '{}' is yes/no, so the actual '{}' should be 是 or 否"};
inline constexpr MessageDef kUnitMismatch{"unit-mismatch", "年度指标值“{}”与实际完成值“{}”的计量单位不一致（百分比、人、家、万元……应相同）", "the target '{}' and the actual '{}' are in different units (percent, 人, 家, 万元 … must match)"};
inline constexpr MessageDef kActualUndecided{"actual-undecided", "实际完成值“{}”是一个范围，不能判断是否达到年度指标值“{}”：请填写具体数值", "the actual '{}' is a range and cannot show whether the target '{}' is met: give the figure"};
inline constexpr MessageDef kQualitativeNeedsTier{"qualitative-needs-tier", "年度指标值“{}”是定性指标：须由评价组给出档次（tier：{}）、得分（score）和理由（reason）", "the target '{}' is qualitative: the evaluator gives a tier (tier: {}), a score and a reason"};
inline constexpr MessageDef kShortfallNeedsReason{"shortfall-needs-reason", "未完成年度指标值（得 {} 分，满分 {} 分），须填写偏差原因（deviation_reason）", "the target is not met ({} of {}): give the reason for the deviation (deviation_reason)"};
inline constexpr MessageDef kOverachievementNeedsReason{"overachievement-needs-reason", "实际完成值为年度指标值的 {}，达到 {} 及以上：须填写偏差原因（deviation_reason），超额完成不扣分", "the actual is {} of the target, at or above {}: give the reason for the deviation (deviation_reason); over-achievement costs no points"};
inline constexpr MessageDef kNotApplicableNeedsReason{"not-applicable-needs-reason", "不适用的指标须说明理由（reason）", "an indicator marked not applicable needs a reason"};
inline constexpr MessageDef kNotApplicableWithData{"not-applicable-with-data", "不适用的指标不再填写{}", "an indicator marked not applicable takes no {}"};
inline constexpr MessageDef kAllNotApplicable{"all-not-applicable", "参与折算的指标全部不适用，无法折算计分", "every indicator to be rescaled is marked not applicable: nothing is left to score"};
inline constexpr MessageDef kBudgetMissing{"budget-missing", "预算执行率需要项目资金：项目的 budget（年初预算数、全年预算数、全年执行数……），或数值“全年执行数”和“{}”", "the budget rate needs the project's budget (budget:), or values named 全年执行数 and {}"};
inline constexpr MessageDef kBudgetFigureMissing{"budget-figure-missing", "项目资金缺少“{}”（{}）", "the budget has no {} ({})"};
inline constexpr MessageDef kBudgetBaseZero{"budget-base-zero", "执行率的分母“{}”为 0", "the base of the budget rate, {}, is 0"};
inline constexpr MessageDef kBudgetSourcesSum{"budget-sources-sum", "各资金来源的{}合计 {}，与年度资金总额的 {} 不符", "the sources' {} sum to {}, but the annual total says {}"};
inline constexpr MessageDef kBudgetStepsMissing{"budget-steps-missing", "budget_rate: steps 需要 budget_steps: {{full_at, step, deduct}}", "budget_rate: steps needs budget_steps: {{full_at, step, deduct}}"};
inline constexpr MessageDef kTableColumns{"table-columns", "该行有 {} 格，表头有 {} 列", "this row has {} cells but the header has {} columns"};
inline constexpr MessageDef kTableTotal{"table-total", "“{}”列各行合计 {}，与合计行的 {} 不符", "column '{}' sums to {}, but the total row says {}"};
inline constexpr MessageDef kTableSubtotal{"table-subtotal", "“{}”行的{} {}，与同行其他各数之和 {} 不符", "row '{}': its {} is {}, but the row's other figures sum to {}"};
inline constexpr MessageDef kFormLabelsFound{"form-labels-found", "也不是项目支出绩效自评表：找到了“{}”，缺少“{}”", "nor a 项目支出绩效自评表: found '{}', missing '{}'"};
inline constexpr MessageDef kFormNotSelfForm{"form-not-self-form", "不是项目支出绩效自评表：找不到“{}”", "not a 项目支出绩效自评表: no '{}' found"};
inline constexpr MessageDef kFormBadNumber{"form-bad-number", "应为数字，实际为“{}”", "expected a number, found \"{}\""};
inline constexpr MessageDef kFormNoIndicators{"form-no-indicators", "自评表中没有绩效指标行", "the form has no indicator rows"};
inline constexpr MessageDef kFormScoreOutsideTiers{"form-score-outside-tiers", "定性指标得分 {} 不在 0 至满分 {} 之间", "the qualitative score {} is outside 0 to {}"};
inline constexpr MessageDef kFormMissingWeight{"form-missing-weight", "指标“{}”缺少分值", "indicator '{}' has no 分值"};
}  // namespace jixiao::msg

namespace jixiao::msg {
inline constexpr MessageDef kCheckNoScoreColumn{"check-no-score-column", "评分表没有“得分”列，无法核对（应有列标题“得分”）", "the scoring sheet has no 得分 column to check (a header cell reading 得分 was expected)"};
}  // namespace jixiao::msg

namespace jixiao::msg {
// The terminal output of score, check and batch (render_terminal.cpp, render_check.cpp, cli.cpp):
// the tool's own words; indicator names, reasons and grades are the inputs' and stay as written.
inline constexpr MessageDef kTermTitleYear{"term-title-year", "{}（{}）", "{} ({})"};
inline constexpr MessageDef kTermSystem{"term-system", "指标体系：{}", "indicator system: {}"};
inline constexpr MessageDef kTermColumnCode{"term-column-code", "编码", "code"};
inline constexpr MessageDef kTermColumnIndicator{"term-column-indicator", "指标", "indicator"};
inline constexpr MessageDef kTermColumnWeight{"term-column-weight", "权重", "weight"};
inline constexpr MessageDef kTermColumnScore{"term-column-score", "得分", "score"};
inline constexpr MessageDef kTermColumnRate{"term-column-rate", "得分率", "rate"};
inline constexpr MessageDef kTermColumnReason{"term-column-reason", "扣分原因", "points lost because"};
inline constexpr MessageDef kTermDeduction{"term-deduction", "减分项：{}  -{}", "deduction: {}  -{}"};
inline constexpr MessageDef kTermDeductionsCapped{"term-deductions-capped", "减分合计 {}，超过上限 {}，按 {} 计", "deductions total {}, above the cap of {}: {} applied"};
inline constexpr MessageDef kTermTotal{"term-total", "总分 {} / {}，等级 {}", "total {} / {}, grade {}"};
inline constexpr MessageDef kTermReportDone{"term-report-done", "{}：{} 分，{}", "{}: {} points, {}"};
inline constexpr MessageDef kTermBadTolerance{"term-bad-tolerance", "--tolerance：应为非负数，实际为“{}”", "--tolerance: expected a non-negative number, found \"{}\""};
inline constexpr MessageDef kCheckHeading{"check-heading", "检查 {}（{}）", "check of {} ({})"};
inline constexpr MessageDef kCheckSourceLine{"check-source-line", "报送文件：{}", "submitted file: {}"};
inline constexpr MessageDef kCheckCleanUnstated{"check-clean-unstated", "未发现问题（项目未提供报送的数字，只核对了项目数据本身，如资金结余）。", "no problems found (the project states no figures: only its own data, such as fund balances, was checked)."};
inline constexpr MessageDef kCheckClean{"check-clean", "未发现问题：报送的数字均与重新计算的结果一致。", "no problems found: every stated figure agrees with the recomputed one."};
inline constexpr MessageDef kCheckCounts{"check-counts", "错误 {} 项，警告 {} 项。", "{} error(s), {} warning(s)."};
inline constexpr MessageDef kCheckSeverityError{"check-severity-error", "错误", "errors"};
inline constexpr MessageDef kCheckSeverityWarning{"check-severity-warning", "警告", "warnings"};
inline constexpr MessageDef kCheckSeverityNote{"check-severity-note", "提示", "notes"};
inline constexpr MessageDef kGradeUnchanged{"grade-unchanged", "等级不变（{}）", "grade unchanged ({})"};
inline constexpr MessageDef kGradeChanged{"grade-changed", "等级由“{}”变为“{}”", "grade changes from {} to {}"};
inline constexpr MessageDef kGradeReviewed{"grade-reviewed", "审核等级为“{}”", "reviewed grade: {}"};
inline constexpr MessageDef kFindingFigures{"finding-figures", "{}：报告为 {}，应为 {}", "{}: stated {}, expected {}"};
inline constexpr MessageDef kFindingStated{"finding-stated", "{}：报告为 {}", "{}: stated {}"};
inline constexpr MessageDef kFindingBlank{"finding-blank", "{}：未填写", "{}: not filled in"};
inline constexpr MessageDef kFindingBlankExpected{"finding-blank-expected", "{}：未填写，应为 {}", "{}: not filled in, expected {}"};
inline constexpr MessageDef kCheckSeverityHeading{"check-severity-heading", "{}：", "{}:"};
inline constexpr MessageDef kBatchRate{"batch-rate", "{:.1f} 个/秒  剩余 {:02}:{:02}", "{:.1f}/s  {:02}:{:02} left"};
inline constexpr MessageDef kBatchFailedLine{"batch-failed-line", "失败：{}", "failed: {}"};
inline constexpr MessageDef kBatchFailedWord{"batch-failed-word", "失败", "failed"};
inline constexpr MessageDef kBatchDone{"batch-done", "{} 个项目：完成 {}，失败 {}，核对有错误的 {}{}。汇总：{}", "{} project(s): {} done, {} failed, {} with check errors{}. Summary: {}"};
inline constexpr MessageDef kBatchInterruptedNote{"batch-interrupted-note", "（已中断，未处理的项目未计入）", " (interrupted: the projects not yet processed are not counted)"};
inline constexpr MessageDef kBatchBadIndicators{"batch-bad-indicators", "{}: 错误: --indicators 应为指标体系文件（.yaml 或 .yml）或存放指标体系的文件夹", "{}: error: --indicators expects an indicator system (.yaml or .yml file) or a folder of them"};
inline constexpr MessageDef kBatchNotFolder{"batch-not-folder", "{}: 错误: 不是文件夹", "{}: error: not a folder"};

// jixiao serve: the desk in the browser
inline constexpr MessageDef kServeListening{"serve-listening", "jixiao 已启动，请在浏览器中打开 {}（按 Ctrl+C 停止）", "jixiao is running: open {} in a browser (Ctrl+C stops it)"};
inline constexpr MessageDef kServeExposed{"serve-exposed", "警告：监听 {} 而非 127.0.0.1，本机以外的人也可能访问；请只在可信网络中、或在反向代理之后这样运行", "warning: listening on {}, not 127.0.0.1: others than this machine may reach it; do so only on a trusted network or behind a reverse proxy"};
inline constexpr MessageDef kServeStopped{"serve-stopped", "jixiao 已停止，上传的文件和结果已删除", "jixiao stopped; the uploads and results were deleted"};
inline constexpr MessageDef kServeCannotStart{"serve-cannot-start", "无法在 {} 上启动：{}", "cannot listen on {}: {}"};
inline constexpr MessageDef kServeUnsupportedFile{"serve-unsupported-file", "不支持的文件类型：应为 .xlsx（自评表、评分表）或 .zip（含 project.yaml 的项目）", "not a supported file: expected an .xlsx (自评表, 评分表) or a .zip (a project with project.yaml)"};
inline constexpr MessageDef kServeZipNoProject{"serve-zip-no-project", "压缩包中没有 project.yaml（应在最上层，或在唯一的文件夹中）", "the zip holds no project.yaml (at its top, or in its one folder)"};
inline constexpr MessageDef kServeZipUnsafeName{"serve-zip-unsafe-name", "压缩包中的文件名“{}”含 ..、绝对路径或反斜杠，拒绝读取", "the zip names a file '{}' with .., an absolute path or a backslash: refused"};
inline constexpr MessageDef kServeFileTooLarge{"serve-file-too-large", "文件超过单个上传文件的上限 {} 字节", "the file is above the upload limit of {} bytes per file"};
inline constexpr MessageDef kServeRequestTooLarge{"serve-request-too-large", "上传内容超过每次上传的上限 {} 字节", "the upload is above the limit of {} bytes per request"};
inline constexpr MessageDef kServeTooManyFiles{"serve-too-many-files", "一次最多上传 {} 个文件", "at most {} files per upload"};
inline constexpr MessageDef kServeTooManyFields{"serve-too-many-fields", "表单字段过多（上限 {} 个）", "too many form fields (at most {})"};
inline constexpr MessageDef kServeNoFiles{"serve-no-files", "没有收到文件", "no file received"};
inline constexpr MessageDef kServeBadForm{"serve-bad-form", "无法读取上传的表单：{}", "cannot read the uploaded form: {}"};
inline constexpr MessageDef kServeBadHost{"serve-bad-host", "Host “{}” 不是本服务的地址（防 DNS 重绑定）；反向代理之后请用 --allow-host", "Host '{}' is not this server's address (DNS rebinding guard); behind a reverse proxy use --allow-host"};
inline constexpr MessageDef kServeBadOrigin{"serve-bad-origin", "来源 “{}” 不是本服务的页面，拒绝", "origin '{}' is not this server's page: refused"};
inline constexpr MessageDef kServeBadToken{"serve-bad-token", "会话令牌缺失或不符：请重新打开首页", "the session token is missing or wrong: open the start page again"};
inline constexpr MessageDef kServeNotFound{"serve-not-found", "没有此页面或文件（结果保留 {} 分钟后删除）", "no such page or file (results are deleted after {} minutes)"};
inline constexpr MessageDef kServeBusy{"serve-busy", "服务繁忙，请稍后重试", "the server is busy: try again shortly"};
inline constexpr MessageDef kServeUnknownSystem{"serve-unknown-system", "没有名为“{}”的内置指标体系", "no bundled indicator system named '{}'"};

// The archive (generator/archive) and `jixiao history`
inline constexpr MessageDef kDatabaseUrl{"database-url", "数据库地址无效：应为 sqlite:文件 或 postgresql:连接串（如 postgresql:host=… dbname=…）", "not a database URL: expected sqlite:FILE or postgresql:CONNINFO (postgresql:host=… dbname=…)"};
inline constexpr MessageDef kDatabaseOpen{"database-open", "无法打开数据库：{}", "cannot open the database: {}"};
inline constexpr MessageDef kDatabaseNewer{"database-newer", "数据库由较新版本的 jixiao 写入（结构版本 {}，本版本最高为 {}），未读写；请升级 jixiao", "the database was written by a newer jixiao (schema version {}; this one knows up to {}): not used; upgrade jixiao"};
inline constexpr MessageDef kDatabaseWrite{"database-write", "无法写入数据库，本次结果未存档：{}", "cannot write to the database; this run was not archived: {}"};
inline constexpr MessageDef kDatabaseRead{"database-read", "无法查询数据库：{}", "cannot query the database: {}"};
inline constexpr MessageDef kHistoryNoDatabase{"history-no-database", "请用 --db 指定数据库（如 --db sqlite:jixiao.db）", "name the database with --db (for example --db sqlite:jixiao.db)"};
inline constexpr MessageDef kHistoryNoQuestion{"history-no-question", "请给出要查询的内容：--project 项目、--department 部门、--system 指标体系 或 --revised", "say what to ask: --project NAME, --department NAME, --system NAME or --revised"};
inline constexpr MessageDef kHistoryNothing{"history-nothing", "数据库中没有与“{}”相符的记录", "the database holds nothing matching '{}'"};
inline constexpr MessageDef kHistoryAmbiguous{"history-ambiguous", "“{}”与多个项目相符：{}；请写出更完整的名称", "'{}' matches several projects: {}; give more of the name"};
inline constexpr MessageDef kArchived{"archived", "已存档：{}（{}）", "archived: {} ({})"};
inline constexpr MessageDef kHistoryProjectTitle{"history-project-title", "{}（{}）：{} 个年度", "{} ({}): {} year(s)"};
inline constexpr MessageDef kHistoryDepartmentTitle{"history-department-title", "{}：{} 个项目", "{}: {} project(s)"};
inline constexpr MessageDef kHistorySystemTitle{"history-system-title", "指标体系“{}”的得分分布", "scores on the system '{}'"};
inline constexpr MessageDef kHistoryRevisedTitle{"history-revised-title", "报送总分与审核总分不符的项目：{} 项", "submissions whose stated total is not the reviewed one: {}"};
inline constexpr MessageDef kHistoryMore{"history-more", "另有 {} 项未列出（可用 --limit 调整）", "{} more not listed (see --limit)"};
// Column heads of the history tables (terminal and workbook).
inline constexpr MessageDef kHistYear{"hist-year", "年度", "year"};
inline constexpr MessageDef kHistTotal{"hist-total", "总分", "total"};
inline constexpr MessageDef kHistGrade{"hist-grade", "等级", "grade"};
inline constexpr MessageDef kHistChange{"hist-change", "变动", "change"};
inline constexpr MessageDef kHistStated{"hist-stated", "报送总分", "stated"};
inline constexpr MessageDef kHistReviewed{"hist-reviewed", "审核总分", "reviewed"};
inline constexpr MessageDef kHistDifference{"hist-difference", "差额", "difference"};
inline constexpr MessageDef kHistErrors{"hist-errors", "核对错误", "check errors"};
inline constexpr MessageDef kHistProject{"hist-project", "项目", "project"};
inline constexpr MessageDef kHistDepartment{"hist-department", "主管部门", "department"};
inline constexpr MessageDef kHistCode{"hist-code", "编码", "code"};
inline constexpr MessageDef kHistIndicatorsTitle{"hist-indicators-title", "各项指标历年得分", "each indicator across the years"};
inline constexpr MessageDef kHistIndicator{"hist-indicator", "指标", "indicator"};
inline constexpr MessageDef kHistWeight{"hist-weight", "分值", "weight"};
inline constexpr MessageDef kHistReason{"hist-reason", "{}年扣分原因", "why points were lost in {}"};
inline constexpr MessageDef kHistProjects{"hist-projects", "项目数", "projects"};
inline constexpr MessageDef kHistMin{"hist-min", "最低", "min"};
inline constexpr MessageDef kHistMax{"hist-max", "最高", "max"};
inline constexpr MessageDef kHistMean{"hist-mean", "平均", "mean"};
inline constexpr MessageDef kHistMedian{"hist-median", "中位数", "median"};
inline constexpr MessageDef kHistGrades{"hist-grades", "等级分布", "grades"};
inline constexpr MessageDef kArchivedAgain{"archived-again", "已存档过相同的输入，未重复存档：{}", "the same inputs were archived before; not stored again: {}"};

// What each kind of check finding means (check.cpp CheckKinds(); the kind's id is the finding's kind).
inline constexpr MessageDef kCheckKinds[] = {
    {"rule-score", "末级指标得分与按评分规则和所报数据计算的得分不符", "a leaf's score differs from the one its rule gives on the stated data"},
    {"parent-sum", "上级指标得分与下级指标得分之和不符", "a parent's score differs from the sum of its children's"},
    {"score-above-weight", "得分超过满分", "a score is above its weight"},
    {"score-rate", "得分率与 得分 ÷ 权重 不符", "a rate differs from score ÷ weight"},
    {"total", "综合得分与一级指标得分之和（减去减分）不符", "the total differs from the sum of the top-level scores (less deductions)"},
    {"deduction-cap", "减分超过上限", "deductions above their cap"},
    {"grade-band", "评价等级与所报总分所在区间不符", "the grade is not the band of the stated total"},
    {"grade", "评价等级与重新计算的总分所在区间不符", "the grade is not the band of the recomputed total"},
    {"stated-value", "比率、数值与其分子分母或计算公式不符", "a rate or figure differs from its numerator and denominator or its formula"},
    {"survey-share", "问卷占比与人数 ÷ 总数不符", "a survey share differs from count ÷ total"},
    {"survey-total", "问卷小计与各选项人数之和不符", "a survey subtotal differs from the sum of its options' counts"},
    {"survey-mean", "平均满意度与各项满意度的平均不符", "the mean satisfaction differs from the mean of the items"},
    {"balance-identity", "年末结余与 年初 + 收入 − 支出 不符", "the closing balance differs from opening + income − spending"},
    {"balance-net", "当年结余与 收入 − 支出 不符", "the year's balance differs from income − spending"},
    {"balance-carry", "年初结余与上年年末结余不符", "the opening balance differs from the previous year's closing balance"},
    {"table-total", "分配表合计与各行之和不符", "a table's total differs from the sum of its rows"},
    {"figure-mismatch", "同一数字在不同位置不一致", "the same figure differs from one place to another"},
    {"indicator-name", "同一指标编码在不同位置名称不同", "the same indicator code has different names in different places"},
    {"unverifiable", "所报数字无法据项目数据核对", "a stated figure cannot be checked against the project's data"},
    {"missing-deviation-reason", "未完成或完成值达指标值 130% 及以上，未填写偏差原因", "a target missed, or met at 130% or more, without a reason for the deviation"},
    {"cost-direction", "成本指标的年度指标值写作“≥”", "a cost indicator's target is written with ≥"},
    {"blank-actual", "实际完成值未填写", "the actual value is blank"},
    {"blank-score", "得分未填写", "the score is blank"},
    {"instruction-text", "填写的是表格说明文字而非实际内容", "the form's instructions were filled in instead of content"},
    {"percent-over-100", "不可能超过 100% 的比率填为超过 100%", "a rate that cannot exceed 100% is given above 100%"},
    {"score-outside-tier", "定性指标得分不在所选档次的范围内", "a qualitative score lies outside its chosen tier"},
    {"blank-target", "年度指标值未填写", "the target is blank"},
    {"blank-total", "总分（合计）未填写", "the total is blank"},
    {"blank-weight", "分值未填写", "the weight is blank"},
    {"empty-row", "空行：只有指标名称，没有指标、分值和完成值", "an empty row: an indicator name with no indicator, weight or actual value"},
    {"not-a-number", "应填数字处填的不是数字", "text where a number belongs"},
    {"budget-sum", "项目资金的年度资金总额与其中各行之和不符", "the budget's annual total differs from the sum of its rows"},
    {"budget-adjustment-reason", "预算经过调整，未说明调整原因", "the budget was adjusted without a reason"},
    {"unit-assumed", "实际完成值未写单位，按年度指标值的单位计", "the actual value has no unit: the target's is assumed"},
    {"missing-reason", "扣分未填写扣分原因", "points lost without a reason"},
    {"weight-sum", "下级指标权重之和与上级指标权重不符", "the children's weights do not sum to the parent's"},
    {"root-weight-sum", "一级指标权重之和与总分不符", "the top-level weights do not sum to the total"},
};
}  // namespace jixiao::msg
