<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArticleFixActions</name>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="127"/>
        <source>&amp;Fix article…</source>
        <translation>修正文章(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="129"/>
        <source>&amp;Merge with next article</source>
        <translation>与下一篇合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="131"/>
        <source>&amp;Split article here</source>
        <translation>在此处拆分文章(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="133"/>
        <source>&amp;Undo article fix</source>
        <translation>撤销文章修正(&amp;U)</translation>
    </message>
</context>
<context>
    <name>ArticleFixDialog</name>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="28"/>
        <source>Fix article</source>
        <translation>修正文章</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="33"/>
        <source>2024-05-09 or 2024年5月9日</source>
        <translation>2024-05-09 或 2024年5月9日</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="35"/>
        <source>3, A3 or 第3版</source>
        <translation>3、A3 或 第3版</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="37"/>
        <source>张家口市、万全区</source>
        <translation>张家口市、万全区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="38"/>
        <source>The regions the article is about, separated by 、 or commas. Write 张家口市桥东区 for a name several regions share.</source>
        <translation>文章所涉地区，用“、”或逗号分隔。多个地区同名时请写全称，如 张家口市桥东区。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="45"/>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="46"/>
        <source>&amp;Publication:</source>
        <translation>报刊(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="47"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="48"/>
        <source>P&amp;age:</source>
        <translation>版次(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_dialog.py" line="49"/>
        <source>&amp;Regions:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ArticleFixFlow</name>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="65"/>
        <source>Article fixed</source>
        <translation>文章已修正</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="72"/>
        <source>Merged with the next article</source>
        <translation>已与下一篇文章合并</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="77"/>
        <source>Put the cursor in the article&apos;s text where the second article begins.</source>
        <translation>请把光标放在正文中第二篇文章开始的位置。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="80"/>
        <source>Article split in two</source>
        <translation>文章已拆分为两篇</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="95"/>
        <source>Fix undone</source>
        <translation>修正已撤销</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="95"/>
        <source>Fix made again</source>
        <translation>修正已重做</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_fix_flow.py" line="116"/>
        <source>The article was not changed</source>
        <translation>文章未作修改</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="46"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="46"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="46"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="46"/>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="46"/>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="47"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="91"/>
        <source>  · pinyin</source>
        <translation>  · 拼音</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="107"/>
        <source>Found by pinyin</source>
        <translation>按拼音找到</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/models.py" line="111"/>
        <source>File: {0}</source>
        <translation>文件：{0}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="79"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="79"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="79"/>
        <source>Qualifier</source>
        <translation>修饰</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="80"/>
        <source>Measures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="80"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="80"/>
        <source>As of</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="81"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="82"/>
        <source>increase</source>
        <translation>增长</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="82"/>
        <source>decrease</source>
        <translation>下降</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="81"/>
        <source>Zone</source>
        <translation>功能区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="81"/>
        <source>Status</source>
        <translation>核对状态</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="90"/>
        <source>Select an article to read it.</source>
        <translation>选择一篇文章开始阅读。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/article_view.py" line="121"/>
        <source>Captions</source>
        <translation>图片说明</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="45"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="45"/>
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="45"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="45"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="57"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="69"/>
        <source>Damaged: cannot be restored</source>
        <translation>已损坏：无法恢复</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="71"/>
        <source>The library as it was before a restore</source>
        <translation>恢复前的文库</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="99"/>
        <source>No figures for this indicator.</source>
        <translation>该指标暂无数据。</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="55"/>
        <source>Generate briefing</source>
        <translation>生成简报</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="61"/>
        <source>YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY-MM 或 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="66"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="67"/>
        <source>Use the built-in layout</source>
        <translation>使用内置版式</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="73"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="77"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="105"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="106"/>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="107"/>
        <source>Regions:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="108"/>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="114"/>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="125"/>
        <source>The current search: %1</source>
        <translation>当前检索：%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="126"/>
        <source>The articles listed</source>
        <translation>列表中的文章</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="127"/>
        <source>The whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="138"/>
        <source>Not a date: %1. Write it as YYYY-MM, YYYY-MM-DD or YYYY.</source>
        <translation>“%1”不是日期，请写成 YYYY-MM、YYYY-MM-DD 或 YYYY。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="160"/>
        <source>Building the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="179"/>
        <source>%1 figure(s) in %2 section(s)</source>
        <translation>共 %2 个部分，%1 条数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="188"/>
        <source>No preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="193"/>
        <source>Choose a template</source>
        <translation>选择模板</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="194"/>
        <source>Word documents (*.docx *.dotx)</source>
        <translation>Word 文档 (*.docx *.dotx)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="209"/>
        <source>Built-in layout (GB/T 9704)</source>
        <translation>内置版式（GB/T 9704）</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="219"/>
        <source>Save briefing</source>
        <translation>保存简报</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="220"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="241"/>
        <source>Writing the briefing…</source>
        <translation>正在写入简报…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="250"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="259"/>
        <location filename="../../hbviewer/ui/briefing_dialog.py" line="262"/>
        <source>The briefing was not written</source>
        <translation>简报未能写入</translation>
    </message>
</context>
<context>
    <name>CalmProgress</name>
    <message>
        <location filename="../../hbviewer/ui/tasks.py" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CorrectionFlow</name>
    <message>
        <location filename="../../hbviewer/ui/correction_flow.py" line="93"/>
        <source>The library is damaged and is open read-only: figures can be looked at, not corrected. Restore a backup or recover the library to correct them.</source>
        <translation>资料库已损坏，现以只读方式打开：数据可以查看，不能修改。请从备份恢复或抢救资料库后再修改。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/correction_flow.py" line="96"/>
        <source>The library is read-only (or your role on the server may only read): figures can be looked at, not corrected.</source>
        <translation>资料库为只读（或您在服务器上的角色只能读取）：数据可以查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/correction_flow.py" line="201"/>
        <source>The figure could not be corrected: %1</source>
        <translation>数据未能修改：%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/correction_flow.py" line="230"/>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>DamageBox</name>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="142"/>
        <source>The library is damaged</source>
        <translation>文库已损坏</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="144"/>
        <source>Parts of the library file cannot be read. Nothing more is written to it: searching and reading what can be read still work. Restore the latest good backup, or copy what can be read into a new library; the damaged file is kept as it is.</source>
        <translation>文库文件有部分内容无法读取。此后不会再向其中写入任何内容：仍可搜索和阅读能读取的部分。请恢复最近的完好备份，或把能读取的内容复制到一个新文库中；损坏的文件会原样保留。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="148"/>
        <source>Restore the latest good backup</source>
        <translation>恢复最近的完好备份</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="151"/>
        <source>There is no backup of this library to restore.</source>
        <translation>这个文库还没有可恢复的备份。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="152"/>
        <source>Recover what can be read into a new library…</source>
        <translation>把能读取的内容抢救到新文库…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="154"/>
        <source>Keep it read-only</source>
        <translation>保持只读</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../hbviewer/ui/export_dialog.py" line="16"/>
        <source>Export briefing</source>
        <translation>导出简报</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_dialog.py" line="20"/>
        <source>Only reviewed figures (accepted, edited or added)</source>
        <translation>只导出已核对的数据（已确认、已修改或已补充）</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_dialog.py" line="21"/>
        <source>Leave out the figures as the analysis found them, which nobody has checked yet</source>
        <translation>不含自动识别、尚未有人核对的数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_dialog.py" line="27"/>
        <source>Export:</source>
        <translation>导出范围:</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="40"/>
        <source>The whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="44"/>
        <source>The current search results</source>
        <translation>当前搜索结果</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="47"/>
        <source>The selected region</source>
        <translation>所选地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="60"/>
        <source>Export briefing</source>
        <translation>导出简报</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="61"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="78"/>
        <source>The briefing was not written</source>
        <translation>简报未能写入</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="82"/>
        <source>Writing the briefing…</source>
        <translation>正在写入简报…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="87"/>
        <source>Briefing written: %1</source>
        <translation>简报已写入:%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="88"/>
        <source>Briefing written</source>
        <translation>简报已写入</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/export_flow.py" line="90"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>FigureActions</name>
    <message>
        <location filename="../../hbviewer/ui/figure_actions.py" line="29"/>
        <source>&amp;Accept figure</source>
        <translation>确认数据(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_actions.py" line="30"/>
        <source>&amp;Reject figure</source>
        <translation>剔除数据(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_actions.py" line="32"/>
        <source>&amp;Edit figure…</source>
        <translation>修改数据(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_actions.py" line="33"/>
        <source>Add &amp;figure…</source>
        <translation>添加数据(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_actions.py" line="105"/>
        <source>Edit figure</source>
        <translation>修改数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_actions.py" line="133"/>
        <source>Add figure</source>
        <translation>添加数据</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="82"/>
        <source>a city or county, e.g. 张家口市; empty for none</source>
        <translation>市或县区，如 张家口市；留空表示无</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="88"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="89"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="90"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="91"/>
        <source>Measures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="92"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_dialog.py" line="119"/>
        <source>The value must be a number, such as 295 or 40.51.</source>
        <translation>数值须为数字，如 295 或 40.51。</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="138"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="138"/>
        <source>Zone</source>
        <translation>功能区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="138"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="138"/>
        <source>As written</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="138"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="139"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="139"/>
        <source>As of</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="139"/>
        <source>Status</source>
        <translation>核对状态</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="139"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>FilterButton</name>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="22"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="23"/>
        <source>Add a filter to the search: kind of figure, review, date, what articles have</source>
        <translation>为搜索添加筛选条件：数据类型、核对情况、日期、文章特征</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="31"/>
        <source>Figures of the kind</source>
        <translation>含此类数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="32"/>
        <source>not reviewed yet</source>
        <translation>尚未核对</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="32"/>
        <source>reviewed</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="34"/>
        <source>Figures reviewed</source>
        <translation>数据核对</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="37"/>
        <source>Dated</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="38"/>
        <source>this year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="38"/>
        <source>last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="39"/>
        <source>this month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="40"/>
        <source>last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="41"/>
        <source>with figures</source>
        <translation>有数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="41"/>
        <source>with a date</source>
        <translation>有日期</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="42"/>
        <source>about a region</source>
        <translation>涉及地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="43"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/filter_menu.py" line="44"/>
        <source>bookmarked</source>
        <translation>已收藏</translation>
    </message>
</context>
<context>
    <name>FilterChips</name>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="225"/>
        <source>Remove this filter</source>
        <translation>去掉这个筛选条件</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="32"/>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="33"/>
        <source>Pages and notices (*.txt *.md *.docx *.html *.htm *.shtml *.pdf *.zip);;All files (*)</source>
        <translation>报纸版面和通知 (*.txt *.md *.docx *.html *.htm *.shtml *.pdf *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="39"/>
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="48"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/import_flow.py" line="77"/>
        <source>%n article(s) added.</source>
        <translation>
            <numerusform>新增 %n 篇文章。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/import_flow.py" line="79"/>
        <source>%n already in the library.</source>
        <translation>
            <numerusform>%n 篇已在文库中。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="81"/>
        <source>Import cancelled; the files imported before it are kept.</source>
        <translation>导入已取消;此前已导入的文件均已保留。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="87"/>
        <source>The import stopped</source>
        <translation>导入已中止</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="88"/>
        <source>Import the rest again once the cause below is put right; nothing is imported twice.</source>
        <translation>排除下面所说的原因后，再导入其余文件即可；已导入的不会重复导入。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="92"/>
        <source>Some files were not imported</source>
        <translation>部分文件未能导入</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="115"/>
        <source>The library is damaged: nothing more is written to it. Restore a backup (File menu) or recover it.</source>
        <translation>文库已损坏：不再向其中写入任何内容。请恢复备份（“文件”菜单）或抢救文库。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/import_flow.py" line="118"/>
        <source>The library is read-only for you: files cannot be imported into it.</source>
        <translation>此文库对您是只读的,不能向其中导入文件。</translation>
    </message>
</context>
<context>
    <name>KeepPanel</name>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="36"/>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="38"/>
        <source>Bookmarked</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="46"/>
        <source>Write a note and press Enter</source>
        <translation>输入批注后按回车</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="49"/>
        <source>Remove note</source>
        <translation>删除批注</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="79"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="96"/>
        <source>Note on the article:</source>
        <translation>批注本文：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_panel.py" line="98"/>
        <source>Note on %1:</source>
        <translation>批注 %1：</translation>
    </message>
</context>
<context>
    <name>LatestValuesModel</name>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="126"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="126"/>
        <source>Latest value</source>
        <translation>最新数值</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="126"/>
        <source>Of</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="126"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="35"/>
        <source>Search: 张家口 科技  zjk  &quot;高新技术企业&quot;  -北京  廊坊 OR 涿州  region:张家口市  date:2024-01..2024-03  kind:money</source>
        <translation>搜索:张家口 科技  zjk  &quot;高新技术企业&quot;  -北京  廊坊 OR 涿州  region:张家口市  date:2024-01..2024-03  kind:money</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="45"/>
        <source>Best match</source>
        <translation>最相关</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="45"/>
        <source>Newest first</source>
        <translation>最新在前</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="46"/>
        <source>Most figures</source>
        <translation>数据最多</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="48"/>
        <source>Order of the list</source>
        <translation>列表顺序</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/library_pane.py" line="158"/>
        <source>%n article(s) found</source>
        <translation>
            <numerusform>找到 %n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/library_pane.py" line="160"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>共 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/library_pane.py" line="162"/>
        <source> (first %1 shown)</source>
        <translation>(显示前 %1 篇)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../hbviewer/ui/main_window.py" line="54"/>
        <source>hbviewer — policy briefing viewer</source>
        <translation>hbviewer — 政策简报阅读器</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/main_window.py" line="217"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/main_window.py" line="209"/>
        <source>About hbviewer</source>
        <translation>关于 hbviewer</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/main_window.py" line="210"/>
        <source>hbviewer %1
Policy briefing viewer for Hebei news: articles, figures, regions.</source>
        <translation>hbviewer %1
河北政策新闻简报阅读器:文章、数据、地区。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../hbviewer/ui/password_dialog.py" line="14"/>
        <source>Shared library password</source>
        <translation>共享文库密码</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/password_dialog.py" line="15"/>
        <source>The library server asks for the password of:
%1</source>
        <translation>文库服务器要求输入以下账户的密码:
%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/password_dialog.py" line="18"/>
        <source>The server refused the password. Type it again.</source>
        <translation>服务器拒绝了该密码,请重新输入。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/password_dialog.py" line="22"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/password_dialog.py" line="23"/>
        <source>Remember the password in the system keyring</source>
        <translation>在系统密钥环中记住密码</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="56"/>
        <location filename="../../hbviewer/ui/preferences.py" line="169"/>
        <location filename="../../hbviewer/ui/preferences.py" line="184"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="60"/>
        <location filename="../../hbviewer/ui/preferences.py" line="111"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="78"/>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="58"/>
        <source>Library file:</source>
        <translation>文库文件:</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="63"/>
        <source>Shared library on a server:</source>
        <translation>服务器上的共享文库:</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="67"/>
        <source>The address of a PostgreSQL database that several people share, for example %1</source>
        <translation>多人共用的 PostgreSQL 数据库地址,例如 %1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="71"/>
        <source>Optional: kept in the system keyring, not in the settings</source>
        <translation>可不填;填写后保存在系统密钥环中,不写入设置</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="72"/>
        <source>Forget the saved password</source>
        <translation>清除已保存的密码</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="85"/>
        <source>Password:</source>
        <translation>密码:</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="90"/>
        <source>Backups:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="91"/>
        <source>Language:</source>
        <translation>界面语言:</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="93"/>
        <source>Changes take effect when hbviewer starts again.</source>
        <translation>更改将在重新启动 hbviewer 后生效。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="107"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="109"/>
        <source>Files saved in this folder (pages, notices, .zip archives) are imported as they appear; this takes effect at once.</source>
        <translation>保存到此文件夹的文件（版面、通知、.zip 压缩包）一出现即导入；此项设置立即生效。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="113"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="115"/>
        <source>Watched folder:</source>
        <translation>监视文件夹：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="118"/>
        <source>Watched folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="135"/>
        <source>A shared library on a server is backed up by its administrator.</source>
        <translation>服务器上的共享文库由其管理员负责备份。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/preferences.py" line="144"/>
        <source>%n backup(s), %1 together, in %2</source>
        <translation>
            <numerusform>%n 个备份，共 %1，位于 %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="149"/>
        <source>Library file</source>
        <translation>文库文件</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="149"/>
        <source>hbviewer library (*.sqlite3)</source>
        <translation>hbviewer 文库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="160"/>
        <source>The saved password of %1 was forgotten.</source>
        <translation>已清除 %1 的已保存密码。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="170"/>
        <source>A shared library&apos;s address starts with postgresql://, for example %1</source>
        <translation>共享文库的地址以 postgresql:// 开头,例如 %1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/preferences.py" line="185"/>
        <source>This computer has no system keyring, so the password cannot be saved: hbviewer will ask for it when it starts.</source>
        <translation>这台电脑没有系统密钥环,无法保存密码:hbviewer 每次启动时都会询问密码。</translation>
    </message>
</context>
<context>
    <name>RefreshFlow</name>
    <message>
        <location filename="../../hbviewer/ui/refresh_flow.py" line="57"/>
        <source>The library was changed elsewhere: shown again.</source>
        <translation>资料库已被他人修改：已重新显示。</translation>
    </message>
</context>
<context>
    <name>RegionPanel</name>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="252"/>
        <source>Generate briefing…</source>
        <translation>生成简报…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="253"/>
        <source>A Word briefing of the ticked regions (none ticked: the selected region, else the whole library)</source>
        <translation>为勾选的地区生成 Word 简报（未勾选时为选中的地区，否则为整个文库）</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="267"/>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="268"/>
        <source>Latest values</source>
        <translation>最新数值</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="378"/>
        <source>%1: %2 figure(s)</source>
        <translation>%1:%2 条数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="381"/>
        <source>All regions: %1 figure(s)</source>
        <translation>全部地区:%1 条数据</translation>
    </message>
</context>
<context>
    <name>RegionTreeModel</name>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="47"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="47"/>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_panel.py" line="47"/>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="82"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="94"/>
        <source>Backups of %1, newest first, kept in %2. Restoring puts the chosen backup in the library&apos;s place; the library as it is now is kept as a backup first, so a restore can be undone.</source>
        <translation>%1 的备份（最新的在前），保存在 %2。恢复会用所选备份替换当前文库；替换前会先把当前文库另存为一个备份，因此恢复可以撤销。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="99"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_dialogs.py" line="117"/>
        <source>There are no backups of %1 yet: one is made after an import (at most every 30 minutes) and when the window closes.</source>
        <translation>%1 还没有备份：导入之后（最多每 30 分钟一次）以及关闭窗口时会自动备份。</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="94"/>
        <source>To review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="116"/>
        <source>Reload</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="117"/>
        <source>The figures nobody has reviewed yet, least certain first</source>
        <translation>尚未核对的数据，把握最小的在前</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="145"/>
        <source>Reading the figures to review…</source>
        <translation>正在读取待核对的数据…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="170"/>
        <source>Reviewed %1, %2 left</source>
        <translation>已核对 %1 条，剩余 %2 条</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="50"/>
        <source>Confidence</source>
        <translation>把握</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="50"/>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="50"/>
        <source>Measures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="50"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="50"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/review_queue.py" line="51"/>
        <source>Status</source>
        <translation>核对状态</translation>
    </message>
</context>
<context>
    <name>SafetyFlow</name>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="85"/>
        <source>A shared library on a server is backed up by its administrator (pg_dump), not by hbviewer.</source>
        <translation>服务器上的共享文库由其管理员备份（pg_dump），而不是由 hbviewer 备份。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="108"/>
        <source>The library was backed up (%1).</source>
        <translation>文库已备份（%1）。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="112"/>
        <source>No backup was made: %1</source>
        <translation>未能备份：%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="124"/>
        <location filename="../../hbviewer/ui/safety_flow.py" line="145"/>
        <location filename="../../hbviewer/ui/safety_flow.py" line="158"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="146"/>
        <source>No backup of this library passes its check. Recover what can be read into a new library instead; the damaged file is kept.</source>
        <translation>这个文库没有一个备份能通过检查。请改为把能读取的内容抢救到新文库；损坏的文件会保留。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="151"/>
        <source>The backup of %1 was restored. The library it replaced is kept as a backup: restore that one to undo.</source>
        <translation>已恢复 %1 的备份。被替换的文库已另存为备份：恢复那个备份即可撤销。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="174"/>
        <location filename="../../hbviewer/ui/safety_flow.py" line="181"/>
        <location filename="../../hbviewer/ui/safety_flow.py" line="190"/>
        <source>Check library</source>
        <translation>检查文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="176"/>
        <source>Checking the library…</source>
        <translation>正在检查文库…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="182"/>
        <source>The library is in good order: no damage found.</source>
        <translation>文库完好：未发现损坏。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="199"/>
        <source>The library is damaged and read-only: File → Restore from backup…</source>
        <translation>文库已损坏，处于只读状态：文件 → 从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="216"/>
        <source>The library stays read-only: searching and reading still work.</source>
        <translation>文库保持只读：仍可搜索和阅读。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="222"/>
        <source>Recover into a new library</source>
        <translation>抢救到新文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="223"/>
        <source>hbviewer library (*.sqlite3)</source>
        <translation>hbviewer 文库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="228"/>
        <location filename="../../hbviewer/ui/safety_flow.py" line="232"/>
        <location filename="../../hbviewer/ui/safety_flow.py" line="237"/>
        <source>Recover</source>
        <translation>抢救</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="228"/>
        <source>Choose a new file: the damaged one is kept as it is.</source>
        <translation>请选择一个新文件：损坏的文件会原样保留。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="233"/>
        <source>Recovering what can be read…</source>
        <translation>正在抢救能读取的内容…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="238"/>
        <source>What could be read was copied into a new library. Open it now instead of the damaged one?</source>
        <translation>能读取的内容已复制到新文库。现在打开新文库，代替损坏的文库吗？</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="241"/>
        <source>Open the new library</source>
        <translation>打开新文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="242"/>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/safety_flow.py" line="259"/>
        <source>Opened the recovered library %1.</source>
        <translation>已打开抢救出的文库 %1。</translation>
    </message>
</context>
<context>
    <name>SavedSearchModel</name>
    <message>
        <location filename="../../hbviewer/ui/keep_models.py" line="77"/>
        <source>★ Bookmarked articles</source>
        <translation>★ 收藏的文章</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/keep_models.py" line="79"/>
        <source>%1 (%2 new)</source>
        <translation>%1（新增 %2 篇）</translation>
    </message>
</context>
<context>
    <name>SavedSearchPanel</name>
    <message>
        <location filename="../../hbviewer/ui/saved_panel.py" line="25"/>
        <source>Save search…</source>
        <translation>保存搜索…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/saved_panel.py" line="27"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/saved_panel.py" line="30"/>
        <source>Saved searches</source>
        <translation>已保存的搜索</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/saved_panel.py" line="39"/>
        <source>Save search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/saved_panel.py" line="40"/>
        <source>Name of the search (kept in the library, for everyone who uses it):</source>
        <translation>搜索名称（保存在文库中，使用该文库的人都能看到）：</translation>
    </message>
</context>
<context>
    <name>SourceTips</name>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="29"/>
        <source>undated (imported %1)</source>
        <translation>无日期（%1 导入）</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="34"/>
        <source>From: %1 (%2)</source>
        <translation>来源：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="34"/>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="38"/>
        <source>%1 Other articles give a different value:</source>
        <translation>%1 其他文章给出的数值不同：</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/region_chart.py" line="40"/>
        <source>Click to open the article at this figure.</source>
        <translation>点击打开文章并定位到该数据。</translation>
    </message>
</context>
<context>
    <name>WatchFlow</name>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="57"/>
        <source>The library is read-only: files saved in the watched folder are not imported.</source>
        <translation>文库为只读：不导入保存到监视文件夹的文件。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="63"/>
        <source>Watching %1: files saved there are imported.</source>
        <translation>正在监视 %1：保存到其中的文件将自动导入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/watch_flow.py" line="90"/>
        <location filename="../../hbviewer/ui/watch_flow.py" line="136"/>
        <source>and %n more</source>
        <translation>
            <numerusform>等另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/watch_flow.py" line="91"/>
        <source>From the watched folder: %1 imported (%n article(s) added).</source>
        <translation>
            <numerusform>已从监视文件夹导入 %1（新增 %n 篇文章）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="95"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/watch_flow.py" line="96"/>
        <source>%n file(s) not imported, among them: %1</source>
        <translation>
            <numerusform>%n 个文件未导入，其中：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/watch_flow.py" line="98"/>
        <source>%1: %n article(s)</source>
        <translation>
            <numerusform>%1：%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="100"/>
        <source>Imported from the watched folder</source>
        <translation>已从监视文件夹导入</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="101"/>
        <source>The watched folder: some files were not imported</source>
        <translation>监视文件夹：部分文件未导入</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="106"/>
        <source>The watched folder %1 is not there any more; its files are imported when it is back.</source>
        <translation>监视文件夹 %1 已不存在；文件夹恢复后将导入其中的文件。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="109"/>
        <source>The watched folder %1 is back: watching it again.</source>
        <translation>监视文件夹 %1 已恢复：重新开始监视。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="111"/>
        <source>The folder %1 cannot be watched (%2); trying again every few seconds.</source>
        <translation>无法监视文件夹 %1（%2）；每隔几秒重试一次。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/watch_flow.py" line="114"/>
        <source>The watched folder</source>
        <translation>监视文件夹</translation>
    </message>
</context>
<context>
    <name>WindowCorrections</name>
    <message>
        <location filename="../../hbviewer/ui/corrections_ui.py" line="50"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/corrections_ui.py" line="53"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/corrections_ui.py" line="67"/>
        <source>&amp;To review</source>
        <translation>待核对(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/corrections_ui.py" line="69"/>
        <source>The figures nobody has reviewed yet, least certain first</source>
        <translation>尚未核对的数据，把握最小的在前</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="17"/>
        <source>Import &amp;files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="18"/>
        <source>Import text files into the library</source>
        <translation>把文本文件导入文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="19"/>
        <source>Import f&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="20"/>
        <source>&amp;Export briefing…</source>
        <translation>导出简报(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="21"/>
        <source>Write the region summary to an Excel workbook</source>
        <translation>把地区汇总写入 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="22"/>
        <source>&amp;Generate briefing…</source>
        <translation>生成简报(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="23"/>
        <source>Draft a Word briefing of the current search</source>
        <translation>按当前检索结果起草 Word 简报</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="24"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="25"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="26"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="27"/>
        <source>Next hit</source>
        <translation>下一处</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="28"/>
        <source>Previous hit</source>
        <translation>上一处</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="29"/>
        <source>&amp;About hbviewer</source>
        <translation>关于 hbviewer(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="30"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="31"/>
        <source>Show the library again, with what others changed in it</source>
        <translation>重新显示资料库，包括他人所做的修改</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="34"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="43"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="46"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="48"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="51"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="59"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="60"/>
        <source>Put one of the library&apos;s backups in its place (the library as it is now is kept as a backup)</source>
        <translation>用文库的某个备份替换当前文库（当前文库会先另存为备份）</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="64"/>
        <source>&amp;Check library</source>
        <translation>检查文库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="65"/>
        <source>Look for damage in the library (in the background)</source>
        <translation>在后台检查文库有无损坏</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="66"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/menus.py" line="83"/>
        <source>The library is read-only: importing is not possible.</source>
        <translation>文库为只读,无法导入。</translation>
    </message>
</context>
<context>
    <name>WindowStatus</name>
    <message>
        <location filename="../../hbviewer/ui/status_bar.py" line="20"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/status_bar.py" line="30"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../hbviewer/ui/status_bar.py" line="31"/>
        <source>Library: %n article(s)</source>
        <translation>
            <numerusform>文库:%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/status_bar.py" line="36"/>
        <source>Shared library: %1</source>
        <translation>共享文库:%1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/status_bar.py" line="42"/>
        <source>This library is read-only for you: searching, reading and exporting work, importing does not.</source>
        <translation>此文库对您是只读的:可以搜索、阅读和导出,但不能导入。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="140"/>
        <source>The library cannot be opened</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="143"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="144"/>
        <source>Open a library file…</source>
        <translation>打开文库文件…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="146"/>
        <source>Open another library…</source>
        <translation>打开其他文库…</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="148"/>
        <source>Start a new library (keep the old file)</source>
        <translation>新建文库(保留旧文件)</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="149"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="154"/>
        <source>Open library</source>
        <translation>打开文库</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/app.py" line="155"/>
        <source>hbviewer library (*.sqlite3);;All files (*)</source>
        <translation>hbviewer 文库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../hbviewer/ui/errors.py" line="74"/>
        <source>hbviewer: unexpected error</source>
        <translation>hbviewer:意外错误</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/errors.py" line="75"/>
        <source>Something unexpected went wrong. Your library is safe.
Details were written to:
%1</source>
        <translation>发生了意外错误。您的文库是安全的。
详细信息已写入:
%1</translation>
    </message>
</context>
<context>
    <name>figure_status</name>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="16"/>
        <source>not reviewed</source>
        <translation>未核对</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="17"/>
        <source>accepted</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="18"/>
        <source>edited</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="19"/>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="20"/>
        <source>rejected</source>
        <translation>已剔除</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="28"/>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="28"/>
        <source>money</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="29"/>
        <source>percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="30"/>
        <source>percentage points</source>
        <translation>百分点</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="31"/>
        <source>multiple</source>
        <translation>倍数</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="31"/>
        <source>measure</source>
        <translation>计量</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="32"/>
        <source>rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="32"/>
        <source>duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="38"/>
        <source>no indicator found</source>
        <translation>未找到指标</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="39"/>
        <source>the indicator is a single word or very long</source>
        <translation>指标只有一个词或过长</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="40"/>
        <source>no region found</source>
        <translation>未找到地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="41"/>
        <source>its region is not named in its sentence</source>
        <translation>所在句子未提及其地区</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="42"/>
        <source>its region comes from 该市/全县-type wording</source>
        <translation>地区来自“该市”“全县”一类说法</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="43"/>
        <source>an approximate figure</source>
        <translation>约数</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="44"/>
        <source>a rank, duration, measure or multiple</source>
        <translation>排名、时长、计量或倍数</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="45"/>
        <source>an unusual unit</source>
        <translation>不常见的单位</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="46"/>
        <source>written in Chinese numerals</source>
        <translation>以汉字数字书写</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="47"/>
        <source>a range</source>
        <translation>数值范围</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/figure_status.py" line="48"/>
        <source>one value of a 分别 list</source>
        <translation>“分别”列举中的一项</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="22"/>
        <source>%1: no such file or folder.</source>
        <translation>%1:找不到这个文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="23"/>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 是文件夹,不是文件。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="24"/>
        <source>%1 is empty: there is nothing to import.</source>
        <translation>%1 是空文件,没有可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="25"/>
        <source>%1 is not a text file (it contains binary data).</source>
        <translation>%1 不是文本文件(含有二进制数据)。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="26"/>
        <source>%1: the text encoding could not be recognised. Save it as UTF-8 and import it again.</source>
        <translation>%1:无法识别文字编码。请另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="27"/>
        <source>%1: permission denied; the file cannot be read.</source>
        <translation>%1:没有读取权限,无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="28"/>
        <source>%1: the file could not be read.</source>
        <translation>%1:无法读取该文件。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="29"/>
        <source>%1: no article text was found in this file.</source>
        <translation>%1:文件中没有找到文章内容。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="30"/>
        <source>%1 is damaged, incomplete or not of the type its name says. Save it again and import the new copy.</source>
        <translation>%1 已损坏、不完整,或与扩展名所示的类型不符。请重新保存后导入新文件。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="33"/>
        <source>%1 is protected by a password. Remove the password and import it again.</source>
        <translation>%1 有密码保护。请去掉密码后重新导入。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="34"/>
        <source>%1 has no text layer (it is a scanned image); hbviewer does not read text in images.</source>
        <translation>%1 没有文字层(是扫描图像);hbviewer 不识别图像中的文字。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="36"/>
        <source>%1: the disk holding the library is full; nothing was saved from this file.</source>
        <translation>%1:文库所在磁盘已满,该文件的内容未保存。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="37"/>
        <source>%1: the library is busy (another window or hbviewer-cli is writing). Try again later.</source>
        <translation>%1:文库正忙(另一个窗口或 hbviewer-cli 正在写入),请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="38"/>
        <source>%1: the library is read-only; searching works, importing does not.</source>
        <translation>%1:文库为只读,可以搜索,不能导入。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="39"/>
        <source>%1 is larger than the size limit for one file.</source>
        <translation>%1 超过了单个文件的大小限制。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="40"/>
        <source>%1: the connection to the library server was lost before this file was saved; nothing of it was kept. Import it again when the server can be reached.</source>
        <translation>%1:文件保存完成之前,与文库服务器的连接已断开,此文件的内容均未保存。请在服务器可以连接时重新导入。</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/messages.py" line="56"/>
        <source>The connection to the library server was lost, so this could not be finished. Nothing else is affected: try again when the server can be reached.</source>
        <translation>与文库服务器的连接已断开,此操作未能完成。其他内容不受影响,请在服务器可以连接时重试。</translation>
    </message>
</context>
<context>
    <name>undo_commands</name>
    <message>
        <location filename="../../hbviewer/ui/undo_commands.py" line="16"/>
        <source>accept %1</source>
        <translation>确认 %1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/undo_commands.py" line="17"/>
        <source>reject %1</source>
        <translation>剔除 %1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/undo_commands.py" line="18"/>
        <source>edit %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <location filename="../../hbviewer/ui/undo_commands.py" line="19"/>
        <source>add %1</source>
        <translation>添加 %1</translation>
    </message>
</context>
</TS>
