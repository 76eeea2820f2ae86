<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="39"/>
        <source>Find case</source>
        <translation>查找案例</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="40"/>
        <source>Next case</source>
        <translation>下一个案例</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="41"/>
        <source>Previous case</source>
        <translation>上一个案例</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="42"/>
        <source>Copy reply</source>
        <translation>复制回复</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="43"/>
        <source>New buyer</source>
        <translation>新买家</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="44"/>
        <source>Show Chinese gloss</source>
        <translation>显示中文释义</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="45"/>
        <source>Reset to template</source>
        <translation>重置为模板</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="46"/>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="47"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>CasePicker</name>
    <message>
        <location filename="../../ui/case_picker.py" line="113"/>
        <source>Find a case — English, 中文 or id (Ctrl+K)</source>
        <translation>查找案例 — 中文、English 或编号 (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>ComposePage</name>
    <message>
        <location filename="../../ui/compose_page.py" line="92"/>
        <source>New buyer</source>
        <translation>新买家</translation>
    </message>
    <message>
        <location filename="../../ui/compose_page.py" line="93"/>
        <source>Clear the order (keeps store and your name)</source>
        <translation>清空订单（保留店铺名称和客服姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/compose_page.py" line="103"/>
        <source>Recently used</source>
        <translation>最近使用</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Reply Composer</source>
        <translation>回复助手</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>Compose</source>
        <translation>写回复</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>&amp;Case</source>
        <translation>案例(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>Language / 语言</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} 字符</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Copied {0} characters</source>
        <translation>已复制 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148"/>
        <source>Fields missing</source>
        <translation>缺少必填项</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>The reply still needs: {0}.

Copy it anyway?</source>
        <translation>回复还缺少：{0}。

仍要复制吗？</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../ui/preview.py" line="96"/>
        <source>Reply to the buyer (English)</source>
        <translation>给买家的回复（英文）</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="97"/>
        <source>Reset to template</source>
        <translation>重置为模板</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="98"/>
        <source>Copy reply</source>
        <translation>复制回复</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="99"/>
        <source>Chinese meaning (gloss)</source>
        <translation>中文释义</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="101"/>
        <source>Edited by hand: order changes no longer update this text. Reset to template to see them.</source>
        <translation>已手动修改：订单信息的改动不会再更新这段文字。点击“重置为模板”可查看改动。</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="127"/>
        <source>Can&apos;t render this reply: {0}</source>
        <translation>无法生成此回复：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="128"/>
        <source>The preview below is the last good one.</source>
        <translation>下方预览是上一次成功生成的内容。</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="69"/>
        <source>What the policy allows</source>
        <translation>政策允许的处理方式</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="70"/>
        <source>Check first</source>
        <translation>先核实</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="71"/>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="101"/>
        <source>No compensation for this case as it stands.</source>
        <translation>按目前情况，暂不补偿。</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="117"/>
        <source>Deadline {0} — passed yesterday</source>
        <translation>截止日期 {0} — 昨天已过期</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="118"/>
        <source>Deadline {0} — passed {1} days ago</source>
        <translation>截止日期 {0} — 已过期 {1} 天</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="120"/>
        <source>Deadline {0} — today is the last day</source>
        <translation>截止日期 {0} — 今天是最后一天</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="123"/>
        <source>Deadline {0} — 1 day left</source>
        <translation>截止日期 {0} — 还剩 1 天</translation>
    </message>
    <message>
        <location filename="../../ui/suggestion_panel.py" line="124"/>
        <source>Deadline {0} — {1} days left</source>
        <translation>截止日期 {0} — 还剩 {1} 天</translation>
    </message>
</context>
</TS>
