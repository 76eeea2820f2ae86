<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/shell/actions.py" line="60"/>
        <source>Find case</source>
        <translation>查找案例</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="61"/>
        <source>Next case</source>
        <translation>下一个案例</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="62"/>
        <source>Previous case</source>
        <translation>上一个案例</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="63"/>
        <source>Copy reply</source>
        <translation>复制回复</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="64"/>
        <source>Paste buyer&apos;s message</source>
        <translation>粘贴买家留言</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="65"/>
        <source>Choose suggestion 1</source>
        <translation>选择第 1 个建议</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="66"/>
        <source>Choose suggestion 2</source>
        <translation>选择第 2 个建议</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="67"/>
        <source>Choose suggestion 3</source>
        <translation>选择第 3 个建议</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="68"/>
        <source>New buyer</source>
        <translation>新买家</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="69"/>
        <source>Find order…</source>
        <translation>查找订单…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="70"/>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="71"/>
        <source>Team database…</source>
        <translation>团队数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="72"/>
        <source>Reply language…</source>
        <translation>回复语言…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="73"/>
        <source>Show Chinese gloss</source>
        <translation>显示中文释义</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="74"/>
        <source>Reset to template</source>
        <translation>重置为模板</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="75"/>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="76"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="77"/>
        <source>Character limit…</source>
        <translation>字数上限…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="79"/>
        <source>New template…</source>
        <translation>新建模板…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="80"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="81"/>
        <source>Import template pack…</source>
        <translation>导入模板包…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="82"/>
        <source>Export my templates…</source>
        <translation>导出我的模板…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="83"/>
        <source>Export selected templates…</source>
        <translation>导出所选模板…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="85"/>
        <source>Team template folder…</source>
        <translation>团队模板文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="86"/>
        <source>Duplicate template…</source>
        <translation>复制模板…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="87"/>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="88"/>
        <source>Revert template to default</source>
        <translation>模板恢复默认</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="90"/>
        <source>Undo delete or revert</source>
        <translation>撤销删除或恢复</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="91"/>
        <source>Template history…</source>
        <translation>模板历史…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="92"/>
        <source>Insert field</source>
        <translation>插入字段</translation>
    </message>
    <message>
        <location filename="../../ui/shell/actions.py" line="93"/>
        <source>Preview templates with the compose tab&apos;s order</source>
        <translation>用写回复页的订单预览模板</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <location filename="../../ui/compose/case_picker.py" line="97"/>
        <source>Find a case — English, 中文 or id (Ctrl+K)</source>
        <translation>查找案例 — 中文、English 或编号 (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>CharCounter</name>
    <message>
        <location filename="../../ui/shell/char_counter.py" line="24"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} 字符</translation>
    </message>
    <message>
        <location filename="../../ui/shell/char_counter.py" line="34"/>
        <source>Character limit</source>
        <translation>字数上限</translation>
    </message>
    <message>
        <location filename="../../ui/shell/char_counter.py" line="35"/>
        <source>Warn when a reply is longer than (characters):</source>
        <translation>回复超过多少字符时提醒：</translation>
    </message>
</context>
<context>
    <name>CompensationPrompt</name>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="40"/>
        <source>Compensated before</source>
        <translation>之前已补偿过</translation>
    </message>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="42"/>
        <source>Offer compensation again?</source>
        <translation>还要再次提供补偿吗？</translation>
    </message>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="43"/>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="43"/>
        <source>Copy anyway</source>
        <translation>仍然复制</translation>
    </message>
</context>
<context>
    <name>ComposePage</name>
    <message>
        <location filename="../../ui/compose/page.py" line="149"/>
        <source>A policy or data file is broken, so its layer is not used until it is fixed (replies follow the layers below):
{0}</source>
        <translation>有一个政策或数据文件出错，在修好之前不使用它所在的一层（回复按下面各层的设置）：
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/page.py" line="157"/>
        <source>Recently used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <location filename="../../ui/compose/page.py" line="256"/>
        <source>Nothing to copy: choose a case whose reply renders</source>
        <translation>没有可复制的内容：请选择一个能正常生成回复的案例</translation>
    </message>
</context>
<context>
    <name>CopyPrompt</name>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="26"/>
        <source>The reply still needs: {0}.</source>
        <translation>回复还缺少：{0}。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="28"/>
        <source>Fields missing</source>
        <translation>缺少必填项</translation>
    </message>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="30"/>
        <source>Go back and fill them</source>
        <translation>返回填写</translation>
    </message>
    <message>
        <location filename="../../ui/compose/copy_prompt.py" line="30"/>
        <source>Copy anyway</source>
        <translation>仍然复制</translation>
    </message>
</context>
<context>
    <name>EditPreviewPanel</name>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="50"/>
        <location filename="../../ui/editor/preview_panel.py" line="75"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="51"/>
        <source>Use the compose tab&apos;s order (else sample data)</source>
        <translation>使用写回复页的订单（否则用示例数据）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="52"/>
        <source>Chinese gloss</source>
        <translation>中文释义</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="63"/>
        <source>Preview · rendering…</source>
        <translation>预览 · 正在渲染…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="70"/>
        <source>As the reply to: {0}</source>
        <translation>作为以下案例的回复：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="72"/>
        <source>No {0} version yet: buyers get this English reply.</source>
        <translation>还没有{0}版本：买家会收到这封英文回复。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="85"/>
        <source>The preview below is the last good one.</source>
        <translation>下面是上一次成功的预览。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="87"/>
        <source>Can&apos;t render this template:</source>
        <translation>无法生成此模板：</translation>
    </message>
    <message>
        <location filename="../../ui/editor/preview_panel.py" line="101"/>
        <source>line {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
</context>
<context>
    <name>EditorCommands</name>
    <message>
        <location filename="../../ui/editor/commands.py" line="84"/>
        <source>Saved {0} — it has problems, so its case shows an error until they are fixed</source>
        <translation>已保存 {0} — 模板有问题，修正前其案例会显示错误</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="87"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="124"/>
        <location filename="../../ui/editor/commands.py" line="136"/>
        <source>Created {0}</source>
        <translation>已创建 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="150"/>
        <source>{0} was reverted to the default version.</source>
        <translation>{0} 已恢复为默认版本。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="151"/>
        <source>{0} was deleted.</source>
        <translation>{0} 已删除。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="161"/>
        <source>Restored {0}</source>
        <translation>已恢复 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="169"/>
        <source>No earlier versions of {0} yet</source>
        <translation>{0} 还没有早期版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="176"/>
        <source>Restored an earlier version: save to keep it</source>
        <translation>已恢复早期版本：保存后生效</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="188"/>
        <source>Exported {0} template(s) to {1}</source>
        <translation>已导出 {0} 个模板到 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="204"/>
        <source>Imported {0} template(s)</source>
        <translation>已导入 {0} 个模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="213"/>
        <source>Team folder: {0}</source>
        <translation>团队文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/commands.py" line="213"/>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../ui/editor/page.py" line="113"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="161"/>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="161"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="162"/>
        <source>Bundled</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="162"/>
        <source>Unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="183"/>
        <source>Not used: {0}. A template&apos;s file name may only use a-z, 0-9 and &apos;-&apos;: rename the file.</source>
        <translation>未使用：{0}。模板文件名只能使用 a-z、0-9 和 &apos;-&apos;：请给文件改名。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="251"/>
        <source>{0} was changed on disk by another window or program.</source>
        <translation>{0} 已被其他窗口或程序在磁盘上修改。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="252"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="252"/>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="267"/>
        <source>Unsaved template edits from last time were found: {0}</source>
        <translation>发现上次未保存的模板修改：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="268"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="269"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="270"/>
        <source>Unsaved template edits from last time were found: see the Templates tab</source>
        <translation>发现上次未保存的模板修改：请查看“模板”标签页</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="284"/>
        <source>Unsaved edits can&apos;t be kept as drafts (a crash would lose them): {0}</source>
        <translation>未保存的修改无法保存为草稿（程序崩溃时会丢失）：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/page.py" line="184"/>
        <location filename="../../ui/editor/page.py" line="285"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
</context>
<context>
    <name>EntriesList</name>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="75"/>
        <source>nothing offered</source>
        <translation>未提供补偿</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="78"/>
        <source>edited</source>
        <translation>手动修改</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="79"/>
        <source>above the policy</source>
        <translation>超出政策</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="80"/>
        <source>markers left</source>
        <translation>留有占位符</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="89"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="89"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="89"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="90"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="90"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="91"/>
        <source>Offered</source>
        <translation>提供的处理</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="91"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="91"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="101"/>
        <source>Click a row of the table or a bar of a chart to see the replies behind it.</source>
        <translation>点击表格中的一行或图表中的一根柱子，查看其背后的回复。</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="104"/>
        <source>No replies behind {0}.</source>
        <translation>{0}没有回复。</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="106"/>
        <source>Replies behind {0}: the newest {1} of {2}.</source>
        <translation>{0}的回复：共 {2} 条，显示最新的 {1} 条。</translation>
    </message>
    <message>
        <location filename="../../ui/stats/entries_list.py" line="109"/>
        <source>Replies behind {0}: {1}, newest first.</source>
        <translation>{0}的回复：{1} 条，最新的在前。</translation>
    </message>
</context>
<context>
    <name>ExportKindDialog</name>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="40"/>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="42"/>
        <source>Detect it from the header row</source>
        <translation>按表头自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="45"/>
        <source>Another export: I choose the columns…</source>
        <translation>其他导出文件：我自己指定各列…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="47"/>
        <source>The header row tells most exports apart. Choose the kind when a file is read as the wrong one, or choose the columns yourself for an export no preset knows.</source>
        <translation>大多数导出文件能按表头自动识别。如果识别成了别的类型，请在这里手动选择；预设不认识的导出文件，可以自己指定各列。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="52"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="55"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="56"/>
        <source>Kind of export:</source>
        <translation>导出类型：</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="79"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="79"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="79"/>
        <source>Group by</source>
        <translation>分组方式</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="80"/>
        <source>Figures of</source>
        <translation>统计范围</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="80"/>
        <location filename="../../ui/stats/filter_bar.py" line="86"/>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="81"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="81"/>
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="82"/>
        <location filename="../../ui/stats/filter_bar.py" line="85"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="82"/>
        <location filename="../../ui/stats/filter_bar.py" line="86"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="85"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="85"/>
        <source>Action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="89"/>
        <source>Mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="90"/>
        <source>The whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="91"/>
        <source>Days are UTC days (08:00 to 08:00 Beijing time).</source>
        <translation>日期按 UTC 计算（北京时间 08:00 至次日 08:00）。</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="95"/>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/stats/filter_bar.py" line="155"/>
        <source>The team&apos;s figures need the team database (File › Team database…).</source>
        <translation>团队数据需要连接团队数据库（文件 › 团队数据库…）。</translation>
    </message>
</context>
<context>
    <name>FindOrderDialog</name>
    <message>
        <location filename="../../ui/compose/find_order.py" line="50"/>
        <source>Find order</source>
        <translation>查找订单</translation>
    </message>
    <message>
        <location filename="../../ui/compose/find_order.py" line="51"/>
        <source>Order number, tracking number or buyer name</source>
        <translation>订单号、运单号或买家姓名</translation>
    </message>
    <message>
        <location filename="../../ui/compose/find_order.py" line="52"/>
        <source>From the order book (File › Import orders…).</source>
        <translation>来自订单库（文件 › 导入订单…）。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/find_order.py" line="74"/>
        <source>{0} found: Enter fills the form</source>
        <translation>找到 {0} 个：按 Enter 填入表单</translation>
    </message>
    <message>
        <location filename="../../ui/compose/find_order.py" line="75"/>
        <source>No order in the book matches.</source>
        <translation>订单库里没有匹配的订单。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="108"/>
        <source>History of {0}</source>
        <translation>{0} 的历史版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="116"/>
        <source>{0}  ·  {1} bytes</source>
        <translation>{0}  ·  {1} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="122"/>
        <source>Restore into the editor</source>
        <translation>恢复到编辑器</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="125"/>
        <source>Each save keeps the version it replaced. Restoring puts it in the editor; save to keep it.</source>
        <translation>每次保存都会保留被替换的版本。恢复后内容会放入编辑器，保存后生效。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/compose/history_panel.py" line="38"/>
        <source>Earlier on this order</source>
        <translation>这个订单之前的记录</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="153"/>
        <source>Import templates</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="156"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="156"/>
        <source>What happens</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="157"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="173"/>
        <source>Import ticked</source>
        <translation>导入已勾选的</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="189"/>
        <source>new template</source>
        <translation>新模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="190"/>
        <source>overrides the team or bundled version</source>
        <translation>覆盖团队或内置版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="191"/>
        <source>identical to yours: nothing to do</source>
        <translation>与你的版本相同：无需操作</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="192"/>
        <source>CONFLICT: replaces your own version</source>
        <translation>冲突：将替换你的个人版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="195"/>
        <source>{0} template(s) in {1}. Your own versions are only replaced when you tick them; each replaced version is kept in its history.</source>
        <translation>{1} 中有 {0} 个模板。只有勾选时才会替换你的个人版本；被替换的版本会保留在历史中。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="199"/>
        <source>Skipped: {0}</source>
        <translation>已跳过：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="210"/>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="210"/>
        <source>pack</source>
        <translation>模板包</translation>
    </message>
</context>
<context>
    <name>ImportOrders</name>
    <message>
        <location filename="../../ui/orders/import_orders.py" line="140"/>
        <source>The order book&apos;s database can&apos;t be reached: {0}

Nothing was imported. Check the network connection or File › Team database…, then import the file again.</source>
        <translation>无法连接订单库所在的数据库：{0}

没有导入任何订单。请检查网络连接或“文件 › 团队数据库…”，然后重新导入这个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_orders.py" line="144"/>
        <source>The database setting can&apos;t be used: {0}

Nothing was imported. Fix it in File › Team database….</source>
        <translation>数据库设置无法使用：{0}

没有导入任何订单。请在“文件 › 团队数据库…”中修改。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_orders.py" line="147"/>
        <source>Nothing was imported from {0}:

{1}</source>
        <translation>未能从 {0} 导入任何订单：

{1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_orders.py" line="149"/>
        <source>The import failed: {0}

Nothing was imported.</source>
        <translation>导入失败：{0}

没有导入任何订单。</translation>
    </message>
</context>
<context>
    <name>ImportPrompts</name>
    <message>
        <location filename="../../ui/orders/import_prompts.py" line="31"/>
        <location filename="../../ui/orders/import_prompts.py" line="57"/>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_prompts.py" line="32"/>
        <source>Order exports (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>订单导出文件 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_prompts.py" line="52"/>
        <source>the columns you chose</source>
        <translation>你指定的列</translation>
    </message>
</context>
<context>
    <name>InfoLine</name>
    <message>
        <location filename="../../ui/editor/info_line.py" line="32"/>
        <source>overrides the team&apos;s version</source>
        <translation>覆盖团队版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/info_line.py" line="33"/>
        <source>overrides the bundled version</source>
        <translation>覆盖内置版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/info_line.py" line="35"/>
        <source>read as {0}, not UTF-8: Save converts it to UTF-8</source>
        <translation>按 {0} 读取（不是 UTF-8）：保存时会转换为 UTF-8</translation>
    </message>
    <message>
        <location filename="../../ui/editor/info_line.py" line="38"/>
        <source>read-only: saving makes it your own version</source>
        <translation>只读：保存后成为你的个人版本</translation>
    </message>
    <message>
        <location filename="../../ui/editor/info_line.py" line="40"/>
        <source>a shared piece other templates include</source>
        <translation>其他模板引用的共用片段</translation>
    </message>
    <message>
        <location filename="../../ui/editor/info_line.py" line="42"/>
        <source>used by: {0}</source>
        <translation>用于：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/info_line.py" line="44"/>
        <source>no case uses it yet (a rule in policy.yaml picks templates)</source>
        <translation>还没有案例使用（由 policy.yaml 中的规则选择模板）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="168"/>
        <source>Reply Composer</source>
        <translation>回复助手</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="169"/>
        <source>Compose</source>
        <translation>写回复</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="171"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="172"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="172"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="173"/>
        <source>&amp;Case</source>
        <translation>案例(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="173"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="106"/>
        <location filename="../../ui/shell/main_window.py" line="177"/>
        <source>Language / 语言</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="244"/>
        <source>Templates: {0}</source>
        <translation>模板：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="271"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="281"/>
        <source>Copied {0} characters</source>
        <translation>已复制 {0} 个字符</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="35"/>
        <source>Which column is which?</source>
        <translation>指定各列</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="38"/>
        <source>No preset knows the columns of {0}. Choose the column that holds each of these; only the order number (*) is required. Your choice is remembered: the next file with the same columns imports without asking.</source>
        <translation>没有预设认得 {0} 的表头。请为下面每一项选择对应的列，只有订单号（*）必填。你的选择会被记住：以后表头相同的文件会直接导入，不再询问。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="44"/>
        <source>The order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="46"/>
        <source>Each product</source>
        <translation>每个产品</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="52"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="58"/>
        <source>{0} address, phone or e-mail column(s) are not listed: the app never imports them.</source>
        <translation>有 {0} 个地址、电话或邮箱列没有列出：本软件从不导入这些信息。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="77"/>
        <source>(not in this file)</source>
        <translation>（文件里没有）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="102"/>
        <source>Choose the column that holds the order number.</source>
        <translation>请选择订单号所在的列。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="108"/>
        <source>Marketplace</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="109"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="110"/>
        <source>Buyer&apos;s name</source>
        <translation>买家姓名</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="111"/>
        <source>Country</source>
        <translation>收货国家</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="112"/>
        <source>Order date</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="113"/>
        <source>Ship date</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="114"/>
        <source>Buyer&apos;s chosen shipping</source>
        <translation>买家选择的物流</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="115"/>
        <source>Shipping method used</source>
        <translation>实际发货物流</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="116"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="117"/>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="118"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="119"/>
        <source>Store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="120"/>
        <source>Estimated weight</source>
        <translation>预估重量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="121"/>
        <source>Weighed weight</source>
        <translation>称重重量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="122"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="123"/>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="124"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/mapping_dialog.py" line="125"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="178"/>
        <source>Buyer&apos;s message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="179"/>
        <source>Suggested by the message (you choose):</source>
        <translation>根据留言推荐（请您选择）：</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="181"/>
        <source>Paste the buyer&apos;s message (Ctrl+M pastes from anywhere), or the order&apos;s details: the likely case and the order fields are picked out</source>
        <translation>粘贴买家的留言（在任何位置按 Ctrl+M 即可粘贴）或订单信息：自动找出可能的情况并填入订单字段</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="202"/>
        <source>The message says: {0}</source>
        <translation>留言中提到：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="239"/>
        <source>In {0}</source>
        <translation>{0}留言</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="242"/>
        <source>order {0}</source>
        <translation>订单号 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="242"/>
        <source>tracking {0}</source>
        <translation>物流单号 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="243"/>
        <source> ✓ in the form</source>
        <translation> ✓ 已填入</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="246"/>
        <source>only the first {0} characters were kept</source>
        <translation>只保留了前 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="249"/>
        <source>no case recognised: choose one below</source>
        <translation>未识别出情况：请在下方选择</translation>
    </message>
    <message>
        <location filename="../../ui/compose/message_panel.py" line="252"/>
        <source>Found: </source>
        <translation>识别到：</translation>
    </message>
</context>
<context>
    <name>OrderBookLink</name>
    <message>
        <location filename="../../ui/compose/order_book_link.py" line="86"/>
        <source>{0} orders match: Find order (Ctrl+O) to choose one</source>
        <translation>有 {0} 个订单匹配：用“查找订单”（Ctrl+O）选择一个</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_book_link.py" line="132"/>
        <source>Team database offline — replies waiting to be logged: {0}</source>
        <translation>团队数据库离线——等待记入日志的回复：{0} 条</translation>
    </message>
</context>
<context>
    <name>OrderColumn</name>
    <message>
        <location filename="../../ui/compose/order_column.py" line="73"/>
        <source>New buyer</source>
        <translation>新买家</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_column.py" line="74"/>
        <source>* needed before the reply is copied</source>
        <translation>* 复制回复前需要填写</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_column.py" line="76"/>
        <source>Clear the order and the buyer&apos;s message (keeps store and your name)</source>
        <translation>清空订单和买家留言（保留店铺名和您的名字）</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_column.py" line="92"/>
        <source>Filled from the order book: order {0} (empty fields only; change any of them)</source>
        <translation>已从订单库填写：订单 {0}（只填空白栏，任何一栏都可以修改）</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../ui/compose/order_form.py" line="57"/>
        <source>Choose the buyer&apos;s case (Ctrl+K, or paste their message with Ctrl+M): the order fields it needs appear here. Enter moves to the next field; from the last, to Copy.</source>
        <translation>请选择买家的案例（Ctrl+K，或用 Ctrl+M 粘贴买家留言）：所需的订单字段会显示在这里。按 Enter 跳到下一个字段；在最后一个字段按 Enter 会跳到“复制”。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_form.py" line="100"/>
        <source>e.g. 12.50</source>
        <translation>例如 12.50</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_form.py" line="134"/>
        <source>promised days from the seller&apos;s playbook</source>
        <translation>承诺运达天数来自卖家操作手册</translation>
    </message>
    <message>
        <location filename="../../ui/compose/order_form.py" line="135"/>
        <source>promised days are a store setting: check your store&apos;s</source>
        <translation>承诺运达天数是店铺设置：请按您店铺的设置核对</translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="78"/>
        <source>What the policy allows</source>
        <translation>政策允许的处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="81"/>
        <source>Choose a case: what you may offer the buyer (and how much), the deadline, the checks to do first and why appear here.</source>
        <translation>选择案例后，这里会显示可以给买家的补偿（及金额）、截止日期、需要先核实的事项以及原因。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="83"/>
        <source>Check first</source>
        <translation>先核实</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="84"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="87"/>
        <source>Reply used: “{0}”</source>
        <translation>使用的回复：“{0}”</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="99"/>
        <source>• This rule is from the {0} policy: {1}</source>
        <translation>• 这条规则来自{0}政策：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="104"/>
        <source>team&apos;s</source>
        <translation>团队的</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="104"/>
        <source>your own</source>
        <translation>您自己的</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="134"/>
        <source>Nothing to offer yet: do the checks first.</source>
        <translation>暂不补偿：请先完成下面的核实。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="135"/>
        <source>No compensation in this case.</source>
        <translation>此情况不涉及补偿。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="150"/>
        <source>Deadline {0} — passed yesterday</source>
        <translation>截止日期 {0} — 昨天已过期</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="151"/>
        <source>Deadline {0} — passed {1} days ago</source>
        <translation>截止日期 {0} — 已过期 {1} 天</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="154"/>
        <source>Deadline {0} — today is the last day</source>
        <translation>截止日期 {0} — 今天是最后一天</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="157"/>
        <source>Deadline {0} — 1 day left</source>
        <translation>截止日期 {0} — 还剩 1 天</translation>
    </message>
    <message>
        <location filename="../../ui/compose/policy_panel.py" line="158"/>
        <source>Deadline {0} — {1} days left</source>
        <translation>截止日期 {0} — 还剩 {1} 天</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="77"/>
        <source>Importing {0}</source>
        <translation>正在导入 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="81"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="105"/>
        <source>Opening the order book…</source>
        <translation>正在打开订单库…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="107"/>
        <source>Reading the file… {0} rows</source>
        <translation>正在读取文件…已读 {0} 行</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="108"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="110"/>
        <source>Importing orders: {0} of {1}</source>
        <translation>正在导入订单：{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="111"/>
        <source>Saving {0} orders in the order book…</source>
        <translation>正在把 {0} 个订单保存到订单库…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="114"/>
        <source>Cancelling… the order book stays as it was.</source>
        <translation>正在取消…订单库保持原样。</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../ui/editor/prompts.py" line="43"/>
        <source>Unsaved templates</source>
        <translation>未保存的模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="44"/>
        <source>These templates have unsaved changes:
{0}

Save them?</source>
        <translation>以下模板有未保存的修改：
{0}

要保存吗？</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="51"/>
        <source>Revert {0} to the default version? Your version is kept in its history.</source>
        <translation>将 {0} 恢复为默认版本？你的版本会保留在历史中。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="53"/>
        <source>Delete the template {0}? You can undo this.</source>
        <translation>删除模板 {0}？此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="55"/>
        <source>Unsaved changes to it will be lost.</source>
        <translation>它未保存的修改将会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="56"/>
        <location filename="../../ui/editor/prompts.py" line="134"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="63"/>
        <source>Changed on disk</source>
        <translation>磁盘上的文件已更改</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="64"/>
        <source>{0} was changed on disk since you opened it (another window or program).</source>
        <translation>{0} 在你打开后已在磁盘上被修改（其他窗口或程序）。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="67"/>
        <source>Overwrite (keeps theirs in history)</source>
        <translation>覆盖（对方的版本保留在历史中）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="69"/>
        <source>Reload theirs (drops my edits)</source>
        <translation>载入对方的版本（放弃我的修改）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="81"/>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="89"/>
        <source>Duplicate template</source>
        <translation>复制模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="99"/>
        <source>Export templates</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="107"/>
        <source>Import templates</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="118"/>
        <source>Team folder</source>
        <translation>团队文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="119"/>
        <source>Templates are shared from:
{0}</source>
        <translation>共享模板来自：
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="121"/>
        <source>Choose another…</source>
        <translation>选择其他…</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="122"/>
        <source>Stop using it</source>
        <translation>停止使用</translation>
    </message>
    <message>
        <location filename="../../ui/editor/prompts.py" line="129"/>
        <source>Choose the team&apos;s template folder (read-only here)</source>
        <translation>选择团队模板文件夹（在此只读）</translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="158"/>
        <source>Reply to the buyer</source>
        <translation>给买家的回复</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="159"/>
        <source>The reply&apos;s language (Ctrl+L). Automatic: the buyer&apos;s message&apos;s language, else the destination country&apos;s.</source>
        <translation>回复的语言（Ctrl+L）。自动：按买家留言的语言，否则按收货国家的语言。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="163"/>
        <source>Reset to template</source>
        <translation>重置为模板</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="164"/>
        <source>Copy reply</source>
        <translation>复制回复</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="165"/>
        <source>Chinese meaning (for you; not sent)</source>
        <translation>中文释义（供您参考，不会发送）</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="168"/>
        <source>Pick the buyer&apos;s case on the left (Ctrl+K to search): the English reply appears here, ready to copy with Ctrl+Enter.</source>
        <translation>请在左侧选择买家的情况（Ctrl+K 搜索）：英文回复会显示在这里，按 Ctrl+Enter 即可复制。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="171"/>
        <source>Edited by hand: order changes no longer update this text. Reset to template to see them.</source>
        <translation>已手动修改：订单信息的改动不会再更新这段文字。点击“重置为模板”可查看改动。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="197"/>
        <source>Reply to the buyer ({0})</source>
        <translation>给买家的回复（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="203"/>
        <source>This reply has no {0} version yet: the buyer gets it in English.</source>
        <translation>这封回复还没有{0}版本：买家会收到英文版。</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="209"/>
        <source>Auto: {0}</source>
        <translation>自动：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="221"/>
        <source>Fill in: {0}</source>
        <translation>请填写：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="235"/>
        <source>Can&apos;t render this reply: {0}</source>
        <translation>无法生成此回复：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/compose/reply_panel.py" line="236"/>
        <source>Copy is off until the template is fixed.</source>
        <translation>模板修好之前无法复制。</translation>
    </message>
</context>
<context>
    <name>ReplyTabs</name>
    <message>
        <location filename="../../ui/editor/reply_tabs.py" line="38"/>
        <source>The reply every buyer can get</source>
        <translation>每位买家都能收到的回复</translation>
    </message>
    <message>
        <location filename="../../ui/editor/reply_tabs.py" line="81"/>
        <source>(none yet)</source>
        <translation>（尚未编写）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/reply_tabs.py" line="85"/>
        <source>Empty: buyers who write in {0} get the English reply.</source>
        <translation>空白：用{0}写信的买家会收到英文回复。</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <location filename="../../ui/stats/tab.py" line="103"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="104"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="105"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="147"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="173"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="174"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="175"/>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="193"/>
        <source>the whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="193"/>
        <source>{0} only</source>
        <translation>仅 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="196"/>
        <source>{0} replies from {1} to {2} (UTC), {3}.</source>
        <translation>{1} 至 {2}（UTC）共 {0} 条回复，{3}。</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="199"/>
        <source>No replies from {0} to {1} (UTC), {2}.</source>
        <translation>{0} 至 {1}（UTC）没有回复，{2}。</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="208"/>
        <source>Replies per day (UTC)</source>
        <translation>每日回复数（UTC）</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="209"/>
        <source>No replies in this range</source>
        <translation>此期间没有回复</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="231"/>
        <source>Compensation in {0}, by {1}</source>
        <translation>按{1}统计的补偿（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="233"/>
        <source>No compensation in this range</source>
        <translation>此期间没有补偿</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="245"/>
        <source>{0} “{1}”</source>
        <translation>{0}“{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="250"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="255"/>
        <source>No figures: {0}</source>
        <translation>无法统计：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="263"/>
        <source>Replies copied to buyers</source>
        <translation>复制给买家的回复数</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="264"/>
        <source>Replies that gave something: a refund, a resend, a discount or a cost paid</source>
        <translation>给了买家补偿的回复：退款、补发、折扣或承担费用</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="266"/>
        <source>The most the replies offered, added up in this currency only</source>
        <translation>回复中提供的最高金额，只按此币种合计</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="268"/>
        <source>Replies the agent changed by hand before copying</source>
        <translation>客服复制前手动修改过的回复</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="269"/>
        <source>Hand-edited replies of all replies</source>
        <translation>手动修改的回复占全部回复的比例</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="270"/>
        <source>Replies that offered more money than the policy suggested</source>
        <translation>提供的金额超出政策建议的回复</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="271"/>
        <source>Replies copied with a marker of an empty field still in them, such as [tracking number]</source>
        <translation>复制时仍留有空字段占位符（如 [tracking number]）的回复</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="279"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="285"/>
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="285"/>
        <source>case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="285"/>
        <source>action</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="286"/>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/stats/tab.py" line="286"/>
        <source>product</source>
        <translation>产品</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="141"/>
        <source>Orders imported</source>
        <translation>订单导入完成</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="143"/>
        <source>{0} ({1}): {2} rows read.</source>
        <translation>{0}（{1}）：共读取 {2} 行。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="146"/>
        <source>New orders:</source>
        <translation>新增订单：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="147"/>
        <source>Updated orders:</source>
        <translation>更新订单：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="148"/>
        <source>Unchanged orders:</source>
        <translation>无变化订单：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="153"/>
        <source>Copy the list</source>
        <translation>复制列表</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="174"/>
        <source>No problems: every row was read.</source>
        <translation>没有问题：每一行都已读取。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="179"/>
        <source>Problems in {0} row(s). Everything else was imported: fix these in the file and import it again (nothing is imported twice).</source>
        <translation>有 {0} 行存在问题，其余内容都已导入。请在文件里改正后重新导入（不会重复导入）。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="187"/>
        <source>row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/import_dialogs.py" line="192"/>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>TeamDatabaseDialog</name>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="52"/>
        <source>Team database</source>
        <translation>团队数据库</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="59"/>
        <source>Use this computer&apos;s database (SQLite)</source>
        <translation>使用本机数据库（SQLite）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="61"/>
        <source>Use a team database (PostgreSQL)</source>
        <translation>使用团队数据库（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="73"/>
        <source>Save in the keychain</source>
        <translation>存入系统密码库</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="76"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="93"/>
        <source>The order book and the log of sent replies are kept in one database.</source>
        <translation>订单库和已发送回复的记录保存在同一个数据库里。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="98"/>
        <source>REPLY_COMPOSER_DB is set on this computer: the app uses it instead of what is saved here.</source>
        <translation>本机设置了 REPLY_COMPOSER_DB 环境变量：软件会使用它，而不是这里保存的设置。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="111"/>
        <source>URL:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="117"/>
        <source>The password is never written in the URL. Give it in the PGPASSWORD environment variable, or in a line host:port:database:user:password of ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows). For an encrypted connection, end the URL with ?sslmode=require.</source>
        <translation>地址里不写密码。请把密码放在 PGPASSWORD 环境变量里，或在 ~/.pgpass（Windows 上是 %APPDATA%\postgresql\pgpass.conf）里加一行 host:port:database:user:password。需要加密连接时，在地址末尾加上 ?sslmode=require。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="124"/>
        <source>Or save it in this computer&apos;s keychain:</source>
        <translation>或者把密码存入本机的系统密码库：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="143"/>
        <source>In use now: none — the database setting can&apos;t be used: {0}</source>
        <translation>当前使用：无——数据库设置无法使用：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="147"/>
        <source>In use now: this computer&apos;s database (SQLite).</source>
        <translation>当前使用：本机数据库（SQLite）。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="149"/>
        <source>In use now: {0}</source>
        <translation>当前使用：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="161"/>
        <source>Write the team database&apos;s URL, e.g. {0}</source>
        <translation>请填写团队数据库的地址，例如 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="163"/>
        <source>Remove the password from the URL (user:password@ → user@): the app never stores a password in plain text.</source>
        <translation>请从地址中删掉密码（user:password@ → user@）：软件从不以明文保存密码。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="166"/>
        <source>Not a database URL the app can use: write postgresql://user@host:port/database</source>
        <translation>这不是软件能用的数据库地址：请写成 postgresql://user@host:port/database</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="185"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="190"/>
        <source>Connected in {0:.1f} s: the database is ready.</source>
        <translation>连接成功（用时 {0:.1f} 秒）：数据库可以使用。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="195"/>
        <source>Could not connect: {0}</source>
        <translation>无法连接：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="216"/>
        <source>The password is saved in the keychain. Test the connection to check it.</source>
        <translation>密码已存入系统密码库。请点“测试连接”确认密码正确。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="219"/>
        <source>This computer&apos;s keychain can&apos;t be used: set PGPASSWORD or use a pgpass file instead.</source>
        <translation>本机的系统密码库无法使用：请改用 PGPASSWORD 环境变量或 pgpass 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/database_dialog.py" line="230"/>
        <source>The setting could not be saved: {0}</source>
        <translation>无法保存设置：{0}</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <location filename="../../ui/editor/template_form.py" line="130"/>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="131"/>
        <source>Title (中文)</source>
        <translation>标题（中文）</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="131"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="134"/>
        <source>Reply to the buyer</source>
        <translation>给买家的回复</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="136"/>
        <source>Chinese gloss (中文释义)</source>
        <translation>中文释义</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="137"/>
        <source>Insert field</source>
        <translation>插入字段</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="138"/>
        <source>Order fields</source>
        <translation>订单字段</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="138"/>
        <source>Computed values</source>
        <translation>计算值</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="139"/>
        <source>Refund and policy</source>
        <translation>退款与政策</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="139"/>
        <source>Filters</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="140"/>
        <source>Shared pieces</source>
        <translation>共用片段</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="161"/>
        <source>Shared piece</source>
        <translation>共用片段</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_form.py" line="220"/>
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
</context>
<context>
    <name>TemplateIdDialog</name>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="57"/>
        <source>For the case</source>
        <translation>用于案例</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="58"/>
        <source>Template id</source>
        <translation>模板编号</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="61"/>
        <source>Lower-case letters, digits and &apos;-&apos;; it becomes the file name.</source>
        <translation>小写字母、数字和“-”；它会成为文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="86"/>
        <source>Use lower-case letters, digits and &apos;-&apos; only.</source>
        <translation>只能使用小写字母、数字和“-”。</translation>
    </message>
    <message>
        <location filename="../../ui/editor/dialogs.py" line="88"/>
        <source>A template with this id already exists.</source>
        <translation>已有相同编号的模板。</translation>
    </message>
</context>
<context>
    <name>TemplateList</name>
    <message>
        <location filename="../../ui/editor/template_list.py" line="57"/>
        <source>Filter templates — English, 中文, id or layer</source>
        <translation>筛选模板 — 中文、English、编号或层级</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_list.py" line="58"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_list.py" line="58"/>
        <source>Layer</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../../ui/editor/template_list.py" line="114"/>
        <source>Customised: your version overrides the default one</source>
        <translation>已自定义：你的版本覆盖默认版本</translation>
    </message>
</context>
</TS>
