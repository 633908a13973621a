<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivationsTab</name>
    <message>
        <source>Functions and derivatives</source>
        <translation>函数与导数</translation>
    </message>
    <message>
        <source>Softmax playground</source>
        <translation>Softmax 演示</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>Every activation of the posts with its derivative</source>
        <translation>文章中的每个激活函数及其导数</translation>
    </message>
    <message>
        <source>Turn logits into probabilities, and see why the max-shift matters</source>
        <translation>把 logits 变成概率，并看看为什么要减去最大值</translation>
    </message>
    <message>
        <source>Why deep sigmoid networks stop learning and ReLU networks do not</source>
        <translation>为什么深层 sigmoid 网络学不动，而 ReLU 网络可以</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Activation pages</source>
        <translation>激活函数页面</translation>
    </message>
</context>
<context>
    <name>BeansTab</name>
    <message>
        <source>Training</source>
        <extracomment>Inclusive (low, high) of every numeric setting; the spin boxes use the same. Settings whose change leaves the running trainer alone; any other change starts a new run at epoch 0. What replaying a saved run may cost, in steps: one per bean per epoch, plus ``NUMPY_UPDATE_COST`` per mini-batch or full-batch update (a NumPy update takes about as long as the per-sample loop takes for 100 beans). A step takes about 0.12 µs here, in every mode: 5.5·10⁶ steps replay in about 0.7 s and hold every default run (5000 epochs of 100 beans) in every mode; a saved state that asks for more replays as far as this allows. (epochs replayed, epochs the loaded state asked) while a replay the limit cut short stays where it stopped; else None. Frames in a row that must fall short before the tab says it cannot keep up, and that must not before it stops saying so: one slow frame (a repaint of the cost picture, another program) is no news.</extracomment>
        <translation>训练</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously, drawing every frame; press again to pause.</source>
        <translation>持续训练，每帧都重绘；再按一次即暂停。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Run exactly one epoch (one pass over all beans).</source>
        <translation>只运行一轮（把所有豆豆过一遍）。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to epoch 0 (w = b = 0.1) with the current settings.</source>
        <translation>回到第 0 轮（w = b = 0.1），沿用当前设置。</translation>
    </message>
    <message>
        <source>Epochs run so far.</source>
        <translation>已运行的轮数。</translation>
    </message>
    <message>
        <source>Mean squared error over all beans at the current w, b.</source>
        <translation>当前 w、b 下所有豆豆的均方误差。</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Learning rate α in w ← w − α·∂e/∂w (the post uses 0.01). Arrows step 1, 2, 5, 10, …; type any value from 1e-08 to 10000. Changing it restarts.</source>
        <translation>w ← w − α·∂e/∂w 中的学习率 α（原文用 0.01）。箭头按 1、2、5、10、… 的档位调整；也可输入 1e-08 到 10000 之间的任意值。修改后会重新开始。</translation>
    </message>
    <message>
        <source>per sample (as the post)</source>
        <translation>逐样本（同原文）</translation>
    </message>
    <message>
        <source>mini-batch of 10</source>
        <translation>小批量（每批 10 个）</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>When w and b change: after every bean, in bean order (the post); after each 10 beans, by their mean gradient; or once per epoch, by the mean gradient of all beans. Changing it restarts.</source>
        <translation>何时更新 w 和 b：每颗豆豆之后按豆豆顺序更新（原文做法）；每 10 颗豆豆之后按它们的平均梯度更新；或每轮更新一次，按所有豆豆的平均梯度。修改后会重新开始。</translation>
    </message>
    <message>
        <source>sigmoid (as the post)</source>
        <translation>Sigmoid（同原文）</translation>
    </message>
    <message>
        <source>none (linear)</source>
        <translation>无（线性）</translation>
    </message>
    <message>
        <source>The neuron&apos;s output a = σ(w·x + b), or a = w·x + b with no activation, a straight line that cannot fit a step. Changing it restarts.</source>
        <translation>神经元的输出 a = σ(w·x + b)；不用激活函数时为 a = w·x + b，这是一条直线，无法拟合阶跃。修改后会重新开始。</translation>
    </message>
    <message>
        <source>Play stops after this many epochs (the post runs 5000).</source>
        <translation>播放运行到这么多轮后停止（原文运行 5000 轮）。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新方式</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Epochs per frame</source>
        <translation>每帧轮数</translation>
    </message>
    <message>
        <source>Beans</source>
        <translation>豆豆</translation>
    </message>
    <message>
        <source>How many beans get_beans draws (the post uses 100). Changing it restarts.</source>
        <translation>get_beans 生成的豆豆数量（原文用 100）。修改后会重新开始。</translation>
    </message>
    <message>
        <source>Random seed of the beans: the same beans as the post&apos;s code after np.random.seed(seed). Changing it restarts.</source>
        <translation>豆豆的随机种子：与原文代码在 np.random.seed(seed) 之后生成的豆豆相同。修改后会重新开始。</translation>
    </message>
    <message>
        <source>New beans</source>
        <translation>新豆豆</translation>
    </message>
    <message>
        <source>Draw a fresh set of beans (the next seed), without the clicked-in ones.</source>
        <translation>生成一组新的豆豆（使用下一个种子），不含点击添加的豆豆。</translation>
    </message>
    <message>
        <source>Clicked-in beans are toxic</source>
        <translation>点击添加的豆豆有毒</translation>
    </message>
    <message>
        <source>Click on the plot to add a bean of that size: toxic (1) when this is ticked, harmless (0) when not.</source>
        <translation>在图上点击即可添加该大小的豆豆：勾选时为有毒 (1)，不勾选时为无毒 (0)。</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Bean Size</source>
        <translation>豆豆大小</translation>
    </message>
    <message>
        <source>Toxicity</source>
        <translation>毒性</translation>
    </message>
    <message>
        <source>Size-Toxicity Function</source>
        <translation>大小–毒性函数</translation>
    </message>
    <message>
        <source>Click to add a bean of that size.</source>
        <translation>点击以添加该大小的豆豆。</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>Colour: log10 of the mean squared error the neuron would have at each (w, b). White line: the path of (w, b) so far; red dot: now.</source>
        <translation>颜色：神经元在每个 (w, b) 处会得到的均方误差的 log10。白线：(w, b) 至今走过的路径；红点：当前位置。</translation>
    </message>
    <message>
        <source>log₁₀ MSE</source>
        <translation>log₁₀ MSE</translation>
    </message>
    <message>
        <source>Loss per epoch</source>
        <translation>每轮损失</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Mean squared error over all beans after each epoch.</source>
        <translation>每轮结束后所有豆豆的均方误差。</translation>
    </message>
    <message>
        <source>Bean SGD</source>
        <translation>豆豆 SGD</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Epoch {0} / {1}</source>
        <translation>第 {0} / {1} 轮</translation>
    </message>
    <message>
        <source>w = {0}</source>
        <translation>w = {0}</translation>
    </message>
    <message>
        <source>b = {0}</source>
        <translation>b = {0}</translation>
    </message>
    <message>
        <source>Loss (MSE) = {0}</source>
        <translation>损失 (MSE) = {0}</translation>
    </message>
    <message>
        <source>Diverged during epoch {0}: the next update would push w or b past ±{1}, so training stopped. Shown is the last finite state. Lower the learning rate, then press Reset.</source>
        <translation>在第 {0} 轮中发散：下一次更新会使 w 或 b 超出 ±{1}，因此训练已停止。显示的是最后一个有限值的状态。请调低学习率，然后按“重置”。</translation>
    </message>
    <message>
        <source>Saturated: the sigmoid is flat at almost every bean, so the gradients are nearly zero and the loss stalls. A smaller learning rate avoids this.</source>
        <translation>饱和：Sigmoid 在几乎每颗豆豆处都很平坦，因此梯度几乎为零，损失停滞不降。较小的学习率可以避免这种情况。</translation>
    </message>
    <message>
        <source>Scroll bar</source>
        <translation>滚动条</translation>
    </message>
    <message>
        <source>Play or pause training</source>
        <translation>播放或暂停训练</translation>
    </message>
    <message>
        <source>Run one epoch</source>
        <translation>运行一轮</translation>
    </message>
    <message>
        <source>Reset training to epoch 0</source>
        <translation>把训练重置到第 0 轮</translation>
    </message>
    <message>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>When w and b are updated</source>
        <translation>w 和 b 的更新时机</translation>
    </message>
    <message>
        <source>Activation of the neuron</source>
        <translation>神经元的激活函数</translation>
    </message>
    <message>
        <source>Epochs to train</source>
        <translation>要训练的轮数</translation>
    </message>
    <message>
        <source>Epochs per drawn frame, at most</source>
        <translation>每个绘制帧最多运行的轮数</translation>
    </message>
    <message>
        <source>Epochs run per drawn frame, about 60 frames a second: an upper bound, since a frame stops after 8 ms of training. The post draws one frame every 100 epochs.</source>
        <translation>每个绘制帧运行的轮数（每秒约 60 帧）：这是上限，因为每帧训练 8 ms 后就会停止。原文每 100 轮绘制一帧。</translation>
    </message>
    <message>
        <source>Number of beans drawn</source>
        <translation>生成的豆豆数量</translation>
    </message>
    <message>
        <source>Random seed of the beans</source>
        <translation>豆豆的随机种子</translation>
    </message>
    <message>
        <source>Draw new beans</source>
        <translation>生成新的豆豆</translation>
    </message>
    <message>
        <source>Click on the bean plot to add a bean there; training goes on with it.</source>
        <translation>在豆豆图上点击即可在该处添加一颗豆豆；训练会带着它继续进行。</translation>
    </message>
    <message>
        <source>Bean plot</source>
        <translation>豆豆图</translation>
    </message>
    <message>
        <source>Each bean as a dot: its size across, its toxicity (0 or 1) up; the neuron&apos;s output a over the sizes as a curve; the dashed line at 0.5 is where it says toxic. Clicking adds a bean of that size.</source>
        <translation>每颗豆豆是一个点：横轴为大小，纵轴为毒性（0 或 1）；曲线是神经元在各个大小上的输出 a；0.5 处的虚线是判为有毒的分界线。点击可添加该大小的豆豆。</translation>
    </message>
    <message>
        <source>Cost surface
and the path of (w, b)</source>
        <translation>代价曲面
及 (w, b) 的路径</translation>
    </message>
    <message>
        <source>Cost surface</source>
        <translation>代价曲面</translation>
    </message>
    <message>
        <source>A heat map of log10 of the mean squared error at every weight w (across) and bias b (up), with the path (w, b) has taken so far and a dot where it is now.</source>
        <translation>热力图：每个权重 w（横轴）和偏置 b（纵轴）处均方误差的 log10，并画出 (w, b) 至今走过的路径，用一个点标出当前位置。</translation>
    </message>
    <message>
        <source>Loss plot</source>
        <translation>损失图</translation>
    </message>
    <message>
        <source>The mean squared error over all beans after each epoch, from epoch 0 to now, with a dot at the current loss.</source>
        <translation>从第 0 轮到现在，每轮结束后所有豆豆的均方误差；当前损失用一个点标出。</translation>
    </message>
    <message>
        <source>a = σ(w·x + b)</source>
        <translation>a = σ(w·x + b)</translation>
    </message>
    <message>
        <source>The neuron says {0}, a sigmoid: a smooth step from 0 to 1.</source>
        <translation>神经元的输出为 {0}，即 Sigmoid：一个从 0 平滑过渡到 1 的阶跃。</translation>
    </message>
    <message>
        <source>the chain rule: de/da · da/dz · dz/dw</source>
        <translation>链式法则：de/da · da/dz · dz/dw</translation>
    </message>
    <message>
        <source>a = w·x + b</source>
        <translation>a = w·x + b</translation>
    </message>
    <message>
        <source>The neuron says {0}, with no activation: a straight line, which cannot make a step.</source>
        <translation>神经元的输出为 {0}，没有激活函数：这是一条直线，无法形成阶跃。</translation>
    </message>
    <message>
        <source>the chain rule: de/da · dz/dw, as da/dz = 1</source>
        <translation>链式法则：de/da · dz/dw，因为 da/dz = 1</translation>
    </message>
    <message>
        <source>After each bean, in bean order, it nudges w and b against the slope of that bean&apos;s squared error ({0}).</source>
        <translation>每颗豆豆之后，按豆豆顺序，沿该豆豆平方误差斜率的反方向微调 w 和 b（{0}）。</translation>
    </message>
    <message>
        <source>After every 10 beans it nudges w and b against the mean slope of their squared errors ({0}).</source>
        <translation>每 10 颗豆豆之后，沿它们平方误差的平均斜率的反方向微调 w 和 b（{0}）。</translation>
    </message>
    <message>
        <source>Once per epoch it nudges w and b against the mean slope of all beans&apos; squared errors ({0}).</source>
        <translation>每轮一次，沿所有豆豆平方误差的平均斜率的反方向微调 w 和 b（{0}）。</translation>
    </message>
    <message>
        <source>The white path is where (w, b) has travelled on the cost surface.</source>
        <translation>白色路径是 (w, b) 在代价曲面上走过的轨迹。</translation>
    </message>
    <message>
        <source>The weight w in {0}.</source>
        <translation>{0} 中的权重 w。</translation>
    </message>
    <message>
        <source>The bias b in {0}.</source>
        <translation>{0} 中的偏置 b。</translation>
    </message>
    <message>
        <source>Training on {0} beans ({1} drawn + {2} clicked in).</source>
        <translation>正在用 {0} 颗豆豆训练（生成 {1} 颗 + 点击添加 {2} 颗）。</translation>
    </message>
    <message>
        <source>This computer cannot keep up: {0} of {1} epochs run each frame, so that drawing stays smooth.</source>
        <translation>这台电脑跟不上：每帧只运行 {1} 轮中的 {0} 轮，以保持画面流畅。</translation>
    </message>
    <message>
        <source>No room for another bean: {0} clicked-in beans is the most. Press New beans to start over.</source>
        <translation>放不下更多豆豆了：点击添加的豆豆最多 {0} 颗。按“新豆豆”重新开始。</translation>
    </message>
    <message>
        <source>The saved run was replayed to epoch {0} of its {1}: replaying more would hold up the start. Press Play to go on from here.</source>
        <translation>保存的训练已重放到第 {0} 轮（共 {1} 轮）：再重放会拖慢启动。按“播放”从这里继续。</translation>
    </message>
</context>
<context>
    <name>ChainDemo</name>
    <message>
        <source>Chain of layers</source>
        <translation>层链</translation>
    </message>
    <message>
        <source>Number of layers N the gradient flows back through</source>
        <translation>梯度反向传回所经过的层数 N</translation>
    </message>
    <message>
        <source>The input a₀ = x of the first layer; try x ≤ 0 to see a dead ReLU pass no gradient at all</source>
        <translation>第一层的输入 a₀ = x；试试 x ≤ 0，会看到死亡的 ReLU 完全不传递梯度</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Each layer computes aₖ = f(aₖ₋₁) (weight 1, bias 0). By the chain rule the gradient that reaches the input is the product f′(a₀)·f′(a₁)·…·f′(a_(N−1)).

Sigmoid&apos;s f′ is at most 0.25, so the product shrinks at least 4× per layer: in a deep sigmoid network the first layers hardly learn (vanishing gradient).

ReLU&apos;s f′ is exactly 1 for positive inputs, so the gradient passes unchanged — one reason ReLU replaced sigmoid in hidden layers.</source>
        <translation>每一层计算 aₖ = f(aₖ₋₁)（权重为 1，偏置为 0）。由链式法则，到达输入的梯度是乘积 f′(a₀)·f′(a₁)·…·f′(a_(N−1))。

Sigmoid 的 f′ 最大只有 0.25，所以乘积每经过一层至少缩小为 1/4：在深层 sigmoid 网络中，前面几层几乎学不到东西（梯度消失）。

ReLU 的 f′ 在正输入时恰好为 1，所以梯度原样通过——这正是 ReLU 在隐藏层中取代 sigmoid 的原因之一。</translation>
    </message>
    <message>
        <source>Gradient reaching the input (log scale)</source>
        <translation>到达输入的梯度（对数坐标）</translation>
    </message>
    <message>
        <source>layers k</source>
        <translation>层 k</translation>
    </message>
    <message>
        <source>Layers N = {0}</source>
        <translation>层数 N = {0}</translation>
    </message>
    <message>
        <source>After N = {0} layers the input receives {1} × the output&apos;s gradient with sigmoid, {2} × with ReLU.</source>
        <translation>经过 N = {0} 层后，输入收到的梯度是输出梯度的 {1} 倍（sigmoid），{2} 倍（ReLU）。</translation>
    </message>
    <message>
        <source>ReLU passes nothing: for inputs ≤ 0 its derivative is 0 (a dead neuron), and 0 cannot be drawn on a log axis.</source>
        <translation>ReLU 什么也传不过去：输入 ≤ 0 时它的导数为 0（死亡神经元），而 0 无法画在对数坐标轴上。</translation>
    </message>
    <message>
        <source>Number of layers N</source>
        <translation>层数 N</translation>
    </message>
    <message>
        <source>Input x of the first layer</source>
        <translation>第一层的输入 x</translation>
    </message>
    <message>
        <source>On a log scale, the share of the output&apos;s gradient that reaches the input after k layers, for sigmoid and for ReLU</source>
        <translation>对数坐标下，经过 k 层后到达输入的梯度占输出梯度的比例（sigmoid 与 ReLU）</translation>
    </message>
</context>
<context>
    <name>CourseController</name>
    <message>
        <source>exercise completion times</source>
        <extracomment>While a tab plays, exercises are checked this often, so a goal reached mid-run is marked within half a second.</extracomment>
        <translation>练习完成时间</translation>
    </message>
    <message>
        <source>Export progress &amp;report…</source>
        <translation>导出进度报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Save every exercise&apos;s progress and each tab&apos;s plot as one web page to hand in or print</source>
        <translation>把每个练习的进度和各标签页的图保存为一个网页，便于提交或打印</translation>
    </message>
    <message>
        <source>&amp;Teacher mode</source>
        <translation>教师模式(&amp;T)</translation>
    </message>
    <message>
        <source>Show a button that loads each exercise&apos;s worked solution</source>
        <translation>显示一个按钮，用于载入每个练习的参考解答</translation>
    </message>
    <message>
        <source>✓ Exercise done: {0}</source>
        <translation>✓ 练习完成：{0}</translation>
    </message>
    <message>
        <source>✓ {0} exercises done: {1}</source>
        <translation>✓ 完成了 {0} 个练习：{1}</translation>
    </message>
    <message>
        <source>Show solution</source>
        <translation>显示解答</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>进度报告</translation>
    </message>
    <message>
        <source>Your name, as the report should show it:</source>
        <translation>你的姓名（将显示在报告中）：</translation>
    </message>
    <message>
        <source>Export progress report</source>
        <translation>导出进度报告</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write the progress report: {0}</source>
        <translation>无法写入进度报告：{0}</translation>
    </message>
    <message>
        <source>Saved the progress report to {0}</source>
        <translation>进度报告已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>ExercisesPanel</name>
    <message>
        <source>Exercises</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Select an exercise to read its hint</source>
        <translation>选择一个练习查看提示</translation>
    </message>
    <message>
        <source>Sine fit</source>
        <translation>拟合正弦</translation>
    </message>
    <message>
        <source>Perceptron gates</source>
        <translation>感知机逻辑门</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Bean SGD</source>
        <translation>豆豆 SGD</translation>
    </message>
    <message>
        <source>Spiral classifier</source>
        <translation>螺旋分类器</translation>
    </message>
    <message>
        <source>{0} of {1} exercises done</source>
        <translation>已完成 {0}/{1} 个练习</translation>
    </message>
    <message>
        <source>Hint: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <source>Exercises in course order</source>
        <translation>按课程顺序排列的练习</translation>
    </message>
    <message>
        <source>Exercises done</source>
        <translation>已完成的练习</translation>
    </message>
    <message>
        <source>Show solution</source>
        <translation>显示解答</translation>
    </message>
    <message>
        <source>Load the worked solution of the selected exercise into its tab (Ctrl+Z undoes it where the tab has undo)</source>
        <translation>把所选练习的参考解答载入到对应标签页（在支持撤销的标签页中可按 Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <source>Show the selected exercise&apos;s solution</source>
        <translation>显示所选练习的解答</translation>
    </message>
    <message>
        <source>Training was used since you started this exercise, and it counts only by hand: select it again to start over.</source>
        <translation>开始这个练习后用过训练功能，而此练习只认手动完成：请重新选中它，从头开始。</translation>
    </message>
</context>
<context>
    <name>FunctionsPage</name>
    <message>
        <source>f′ is what backpropagation multiplies the gradient by. Where it is 0 (step everywhere, ReLU for x &lt; 0) nothing is learned; where it is tiny (the flat tails of sigmoid and tanh) learning crawls. Hover over a plot to read the numbers.</source>
        <translation>f′ 就是反向传播时梯度要乘上的因子。f′ 为 0 的地方（阶跃函数处处如此，ReLU 在 x &lt; 0 时也是）什么也学不到；f′ 很小的地方（sigmoid 和 tanh 平坦的两端）学得极慢。把鼠标悬停在图上即可读出数值。</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Draw {0} and its derivative; its colour is shown beside the name</source>
        <translation>绘制 {0} 及其导数；名称旁显示其颜色</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Draw new noise Y for Noisy ReLU</source>
        <translation>为 Noisy ReLU 重新抽取噪声 Y</translation>
    </message>
    <message>
        <source>Leaky α</source>
        <translation>Leaky α</translation>
    </message>
    <message>
        <source>Leaky ReLU: slope α for x &lt; 0</source>
        <translation>Leaky ReLU：x &lt; 0 时的斜率 α</translation>
    </message>
    <message>
        <source>PReLU a</source>
        <translation>PReLU a</translation>
    </message>
    <message>
        <source>PReLU: slope a for x &lt; 0 (learned in a network)</source>
        <translation>PReLU：x &lt; 0 时的斜率 a（在网络中通过学习得到）</translation>
    </message>
    <message>
        <source>RReLU l</source>
        <translation>RReLU l</translation>
    </message>
    <message>
        <source>RReLU: lower bound l of the random slope</source>
        <translation>RReLU：随机斜率的下界 l</translation>
    </message>
    <message>
        <source>RReLU u</source>
        <translation>RReLU u</translation>
    </message>
    <message>
        <source>RReLU: upper bound u of the random slope</source>
        <translation>RReLU：随机斜率的上界 u</translation>
    </message>
    <message>
        <source>Noisy σ</source>
        <translation>Noisy σ</translation>
    </message>
    <message>
        <source>Noisy ReLU: standard deviation σ of the noise Y</source>
        <translation>Noisy ReLU：噪声 Y 的标准差 σ</translation>
    </message>
    <message>
        <source>ELU α</source>
        <translation>ELU α</translation>
    </message>
    <message>
        <source>ELU: α sets the floor −α that f approaches for x → −∞</source>
        <translation>ELU：α 决定 x → −∞ 时 f 趋近的下限 −α</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training: every x gets its own random slope a ~ U(l, u). Evaluation (unticked): the mean slope (l + u) / 2</source>
        <translation>训练：每个 x 都有自己的随机斜率 a ~ U(l, u)。评估（不勾选）：取平均斜率 (l + u) / 2</translation>
    </message>
    <message>
        <source>Draw new random slopes for RReLU</source>
        <translation>为 RReLU 重新抽取随机斜率</translation>
    </message>
    <message>
        <source>Resample</source>
        <translation>重新采样</translation>
    </message>
    <message>
        <source>exact: x·Φ(x) with erf</source>
        <translation>精确：用 erf 计算 x·Φ(x)</translation>
    </message>
    <message>
        <source>tanh approximation</source>
        <translation>tanh 近似</translation>
    </message>
    <message>
        <source>GELU computed exactly with erf, or with the tanh formula GPT-2 uses (they differ by &lt; 0.001)</source>
        <translation>GELU 用 erf 精确计算，或用 GPT-2 采用的 tanh 公式计算（两者相差 &lt; 0.001）</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>x range</source>
        <translation>x 范围</translation>
    </message>
    <message>
        <source>The x interval drawn; post 002 prints sigmoid on −100 … 100 and tanh on −1 … 1</source>
        <translation>绘制的 x 区间；第 002 篇文章在 −100 … 100 上绘制 sigmoid，在 −1 … 1 上绘制 tanh</translation>
    </message>
    <message>
        <source>Activation f(x)</source>
        <translation>激活函数 f(x)</translation>
    </message>
    <message>
        <source>Derivative f′(x)</source>
        <translation>导数 f′(x)</translation>
    </message>
    <message>
        <source>Hover to read f(x) and f′(x) at the cursor</source>
        <translation>悬停以读取光标处的 f(x) 和 f′(x)</translation>
    </message>
    <message>
        <source>At the cursor</source>
        <translation>光标处</translation>
    </message>
    <message>
        <source>About</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The function described below; ticking a function or moving its parameter selects it too</source>
        <translation>下面介绍的函数；勾选某个函数或调整其参数也会选中它</translation>
    </message>
    <message>
        <source>Move the mouse over a plot to read f(x) and f′(x) of every shown function.</source>
        <translation>把鼠标移到图上，即可读出每个已显示函数的 f(x) 和 f′(x)。</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Derivative</source>
        <translation>导数</translation>
    </message>
    <message>
        <source>Output range</source>
        <translation>值域</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Pros</source>
        <translation>优点</translation>
    </message>
    <message>
        <source>Cons</source>
        <translation>缺点</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>显示 {0}</translation>
    </message>
    <message>
        <source>RReLU in training mode</source>
        <translation>训练模式下的 RReLU</translation>
    </message>
    <message>
        <source>GELU formula</source>
        <translation>GELU 公式</translation>
    </message>
    <message>
        <source>The shown activation functions f(x), one coloured curve each</source>
        <translation>已显示的激活函数 f(x)，每个一条彩色曲线</translation>
    </message>
    <message>
        <source>The derivatives f′(x) of the shown activation functions</source>
        <translation>已显示激活函数的导数 f′(x)</translation>
    </message>
    <message>
        <source>Function described</source>
        <translation>所介绍的函数</translation>
    </message>
    <message>
        <source>About the function</source>
        <translation>函数说明</translation>
    </message>
</context>
<context>
    <name>GatesGallery</name>
    <message>
        <source>All 16 two-input functions</source>
        <translation>全部 16 种双输入函数</translation>
    </message>
    <message>
        <source>Click a function to make it the target. ✓: one perceptron can draw it; ✗: no single line separates its 1s from its 0s</source>
        <translation>点击某个函数将其设为目标。✓：单个感知机可以画出；✗：没有一条直线能把它的 1 和 0 分开</translation>
    </message>
    <message>
        <source>✓ one perceptron can do it (14)   ✗ needs two layers (2)</source>
        <translation>✓ 单个感知机即可实现（14）   ✗ 需要两层（2）</translation>
    </message>
    <message>
        <source>{0} ({1}): one perceptron can draw this. Click to make it the target.</source>
        <translation>{0}（{1}）：单个感知机可以画出它。点击将其设为目标。</translation>
    </message>
    <message>
        <source>{0} ({1}): no single line separates its 1s from its 0s; it needs two layers. Click to make it the target.</source>
        <translation>{0}（{1}）：没有一条直线能把它的 1 和 0 分开，需要两层。点击将其设为目标。</translation>
    </message>
    <message>
        <source>Target {0} ({1})</source>
        <translation>目标 {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>GatesTab</name>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The truth table the perceptron should reproduce</source>
        <translation>感知机应当复现的真值表</translation>
    </message>
    <message>
        <source>Book weights</source>
        <translation>书中权重</translation>
    </message>
    <message>
        <source>One perceptron: output 1 if w1·x1 + w2·x2 + b &gt; 0</source>
        <translation>单个感知机：若 w1·x1 + w2·x2 + b &gt; 0 则输出 1</translation>
    </message>
    <message>
        <source>Weight of input x1: turns the line</source>
        <translation>输入 x1 的权重：旋转直线</translation>
    </message>
    <message>
        <source>Weight of input x2: turns the line</source>
        <translation>输入 x2 的权重：旋转直线</translation>
    </message>
    <message>
        <source>Bias: slides the line without turning it</source>
        <translation>偏置：平移直线而不旋转</translation>
    </message>
    <message>
        <source>How many of the four rows give the target output</source>
        <translation>四行中有几行给出目标输出</translation>
    </message>
    <message>
        <source>Learn it</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Run the perceptron learning rule from w1 = w2 = b = 0 (learning rate {0}): each wrong output moves the line towards that input</source>
        <translation>从 w1 = w2 = b = 0 开始运行感知机学习规则（学习率 {0}）：每次输出错误，直线就向该输入移动</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <source>w1·x1+w2·x2+b</source>
        <translation>w1·x1+w2·x2+b</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>The perceptron on all four inputs: its weighted sum, its output (1 if the sum is above 0) and the target</source>
        <translation>感知机在全部四种输入上的表现：加权和、输出（和大于 0 时为 1）以及目标</translation>
    </message>
    <message>
        <source>Decision line w1·x1 + w2·x2 + b = 0</source>
        <translation>决策直线 w1·x1 + w2·x2 + b = 0</translation>
    </message>
    <message>
        <source>The four inputs coloured by target; the shaded side is where the perceptron outputs 1</source>
        <translation>四个输入按目标着色；阴影一侧是感知机输出 1 的区域</translation>
    </message>
    <message>
        <source>A perceptron adds w1·x1 + w2·x2 + b and outputs 1 when the sum is above 0. The points where the sum is exactly 0 form a straight line: the weights set its direction, the bias moves it.</source>
        <translation>感知机计算 w1·x1 + w2·x2 + b，和大于 0 时输出 1。和恰好为 0 的点构成一条直线：权重决定它的方向，偏置使它平移。</translation>
    </message>
    <message>
        <source>output right, nothing changes</source>
        <translation>输出正确，不做改动</translation>
    </message>
    <message>
        <source>output wrong, the line moves</source>
        <translation>输出错误，直线移动</translation>
    </message>
    <message>
        <source>Epoch {0}, input ({1}, {2}): {3}.</source>
        <translation>第 {0} 轮，输入 ({1}, {2})：{3}。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Starting from w1 = w2 = b = 0 …</source>
        <translation>从 w1 = w2 = b = 0 开始……</translation>
    </message>
    <message>
        <source>✓ Learned {0} in {1} epochs: the last epoch got all four inputs right, so the rule stopped.</source>
        <translation>✓ 用 {1} 轮学会了 {0}：最后一轮四个输入全部正确，学习规则随之停止。</translation>
    </message>
    <message>
        <source>✗ After {0} epochs the line is still moving. No straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the other, so every epoch gets an input wrong and the rule moves the line again — forever. {1} needs two layers.</source>
        <translation>✗ {0} 轮之后直线仍在移动。没有一条直线能把 (0, 1) 和 (1, 0) 放在一侧、把 (0, 0) 和 (1, 1) 放在另一侧，所以每一轮都会有输入出错，学习规则又会移动直线——永无止境。{1} 需要两层。</translation>
    </message>
    <message>
        <source>See the two-layer panel.</source>
        <translation>请看两层网络面板。</translation>
    </message>
    <message>
        <source>Put the post&apos;s NAND, OR and AND weights back into the two-layer panel</source>
        <translation>把文中 NAND、OR 和 AND 的权重重新填入两层网络面板</translation>
    </message>
    <message>
        <source>Load post 001&apos;s weights for {0}</source>
        <translation>载入文章 001 中 {0} 的权重</translation>
    </message>
    <message>
        <source>The post gives weights for AND, NAND and OR only: find your own, or press Learn it</source>
        <translation>文中只给出了 AND、NAND 和 OR 的权重：请自己找，或者点“学习”</translation>
    </message>
    <message>
        <source>✓ All four outputs match {0}: this perceptron computes {0}.</source>
        <translation>✓ 四个输出全部与 {0} 一致：这个感知机计算的就是 {0}。</translation>
    </message>
    <message>
        <source>{1} of 4 outputs match {0}. No weights can match all four: {0} is not linearly separable.</source>
        <translation>4 个输出中有 {1} 个与 {0} 一致。任何权重都无法让四个全部一致：{0} 不是线性可分的。</translation>
    </message>
    <message>
        <source>{1} of 4 outputs match {0}. Turn the weights or slide the bias.</source>
        <translation>4 个输出中有 {1} 个与 {0} 一致。旋转权重或平移偏置试试。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; target 1 &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; target 0 &amp;nbsp; shaded: output 1</source>
        <translation>&lt;span style=&apos;color:{0}&apos;&gt;●&lt;/span&gt; 目标 1 &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;■&lt;/span&gt; 目标 0 &amp;nbsp; 阴影：输出 1</translation>
    </message>
    <message>
        <source> &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;- -&lt;/span&gt; s1 (NAND) &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;- -&lt;/span&gt; s2 (OR)</source>
        <translation> &amp;nbsp; &lt;span style=&apos;color:{0}&apos;&gt;- -&lt;/span&gt; s1 (NAND) &amp;nbsp; &lt;span style=&apos;color:{1}&apos;&gt;- -&lt;/span&gt; s2 (OR)</translation>
    </message>
    <message>
        <source>w1 = w2 = 0: the sum is just b = {0:.2f} everywhere, so there is no line and the output is {1} at every point.</source>
        <translation>w1 = w2 = 0：各处的和都只是 b = {0:.2f}，因此没有直线，每个点的输出都是 {1}。</translation>
    </message>
    <message>
        <source>The line lies outside the view: the output is {0} at all four inputs.</source>
        <translation>直线在视图之外：四个输入的输出都是 {0}。</translation>
    </message>
    <message>
        <source>Change w1 or w2 to turn the line; change b to slide it.</source>
        <translation>改变 w1 或 w2 可旋转直线；改变 b 可平移直线。</translation>
    </message>
    <message>
        <source>No line can put all of {0}&apos;s 1s on one side and its 0s on the other.</source>
        <translation>没有一条直线能把 {0} 的所有 1 放在一侧、所有 0 放在另一侧。</translation>
    </message>
    <message>
        <source>Perceptron gates</source>
        <translation>感知机逻辑门</translation>
    </message>
    <message>
        <source>Learning stopped.</source>
        <translation>学习已停止。</translation>
    </message>
    <message>
        <source>Target truth table</source>
        <translation>目标真值表</translation>
    </message>
    <message>
        <source>weight w1 of input x1</source>
        <translation>输入 x1 的权重 w1</translation>
    </message>
    <message>
        <source>weight w2 of input x2</source>
        <translation>输入 x2 的权重 w2</translation>
    </message>
    <message>
        <source>bias b</source>
        <translation>偏置 b</translation>
    </message>
    <message>
        <source>Truth table of the perceptron</source>
        <translation>感知机的真值表</translation>
    </message>
    <message>
        <source>Inputs per frame</source>
        <translation>每帧输入数</translation>
    </message>
    <message>
        <source>How many inputs the animation shows per frame, at most: 1 follows the rule input by input</source>
        <translation>动画每帧最多显示多少个输入：设为 1 时逐个输入地跟随学习规则</translation>
    </message>
    <message>
        <source>Inputs shown per animation frame</source>
        <translation>每个动画帧显示的输入数</translation>
    </message>
    <message>
        <source>Decision line plot</source>
        <translation>决策直线图</translation>
    </message>
    <message>
        <source>The inputs (0, 0), (0, 1), (1, 0) and (1, 1) coloured by their target, the line where w1·x1 + w2·x2 + b = 0, and the shaded side where the perceptron outputs 1</source>
        <translation>按目标着色的输入 (0, 0)、(0, 1)、(1, 0) 和 (1, 1)，直线 w1·x1 + w2·x2 + b = 0，以及感知机输出 1 的阴影一侧</translation>
    </message>
    <message>
        <source>(This computer showed {0} of {1} inputs in the last frame.)</source>
        <translation>（这台电脑在上一帧只显示了 {1} 个输入中的 {0} 个。）</translation>
    </message>
</context>
<context>
    <name>GuidedBar</name>
    <message>
        <source>Guided build</source>
        <translation>引导搭建</translation>
    </message>
    <message>
        <source>Which pair of the guided build is on show.</source>
        <translation>当前展示的是引导搭建中的哪一对。</translation>
    </message>
    <message>
        <source>What the current neuron pair does to the curve.</source>
        <translation>当前这对神经元对曲线起什么作用。</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Go back one pair.</source>
        <translation>返回上一对。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Add the next neuron pair.</source>
        <translation>添加下一对神经元。</translation>
    </message>
    <message>
        <source>New here? Press “Guided build” to watch the sine being fitted by hand, one neuron pair at a time, as in chapter 4 of Neural Networks from Scratch. Then move any slider and see the curve follow.</source>
        <translation>第一次来？按“引导搭建”，观看正弦曲线如何一次一对神经元地被手工拟合出来，就像《Neural Networks from Scratch》第 4 章那样。然后移动任意滑块，看曲线随之变化。</translation>
    </message>
    <message>
        <source>Step {0} / {1}</source>
        <translation>第 {0} / {1} 步</translation>
    </message>
    <message>
        <source>Pair 1: first-layer neuron 0 and second-layer neuron 0. Neuron 0 is ReLU({0}·x + {1}): zero left of its kink at x = {2}, a ramp after it. Second-layer neuron 0 is ReLU({3}·h + {4}): the weight flips the ramp and the bias cuts it off at x = {5} — flat, ramp, flat. The output weight {6} scales that piece so the curve follows the sine from {7} to {8}.</source>
        <translation>第 1 对：第 1 层神经元 0 和第 2 层神经元 0。神经元 0 是 ReLU({0}·x + {1})：在折点 x = {2} 左侧为零，右侧是一段斜坡。第 2 层神经元 0 是 ReLU({3}·h + {4})：权重把斜坡翻转，偏置在 x = {5} 处将其截断——平坦、斜坡、平坦。输出权重 {6} 缩放这一段，使曲线沿正弦从 {7} 变到 {8}。</translation>
    </message>
    <message>
        <source>Pair {0}: the same recipe, one segment further. The bias {1} moves neuron {2}&apos;s kink to x = {3}, so this pair only bends the curve on [{3}, {4}]; its output weight {5} takes the curve from {6} to {7} there. The output bias, now {8}, cancels what the pairs add left of their kinks.</source>
        <translation>第 {0} 对：同样的做法，再往后一段。偏置 {1} 把神经元 {2} 的折点移到 x = {3}，因此这一对只在 [{3}, {4}] 上弯折曲线；它的输出权重 {5} 让曲线在那里从 {6} 变到 {7}。输出偏置现为 {8}，用来抵消各对在其折点左侧所加的量。</translation>
    </message>
    <message>
        <source>Pair {0}: the last segment, [{1}, {2}]. The pairs now draw straight lines through the sine at x = 0, 1/8, …, 1 (MSE {3}). Move any slider and watch the curve follow, or press Auto-fit to let gradient descent polish the fit.</source>
        <translation>第 {0} 对：最后一段 [{1}, {2}]。现在这些神经元对画出的直线段在 x = 0, 1/8, …, 1 处穿过正弦曲线（MSE {3}）。移动任意滑块看曲线随之变化，或按“自动拟合”让梯度下降把拟合打磨得更好。</translation>
    </message>
    <message>
        <source>Build the hand-tuned sine fit one neuron pair at a time, with an explanation for each step (on the 1→8→8→1 ReLU network; it asks before replacing your weights). Press again to leave the guided build (the weights stay).</source>
        <translation>一次一对神经元地搭建手工调校的正弦拟合，每一步都有讲解（使用 1→8→8→1 ReLU 网络；替换你的权重前会先询问）。再按一次退出引导搭建（权重保留）。</translation>
    </message>
    <message>
        <source>Previous pair of the guided build</source>
        <translation>引导搭建的上一对</translation>
    </message>
    <message>
        <source>Next pair of the guided build</source>
        <translation>引导搭建的下一对</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Neuron Tuner</source>
        <translation>Neuron Tuner</translation>
    </message>
    <message>
        <source>Reset {0}</source>
        <translation>重置{0}</translation>
    </message>
    <message>
        <source>Neuron Tuner weights (*.json);;All files (*)</source>
        <translation>Neuron Tuner 权重 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>打开权重</translation>
    </message>
    <message>
        <source>Loaded {0}</source>
        <translation>已载入 {0}</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>This tab has no plot to export.</source>
        <translation>此标签页没有可导出的图。</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png or .svg.</source>
        <translation>请选择以 .png 或 .svg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported the plot to {0}</source>
        <translation>图已导出到 {0}</translation>
    </message>
    <message>
        <source>Exercise done: {0}</source>
        <translation>练习完成：{0}</translation>
    </message>
    <message>
        <source>exercise progress</source>
        <translation>练习进度</translation>
    </message>
    <message>
        <source>Language: {0}</source>
        <translation>语言：{0}</translation>
    </message>
    <message>
        <source>window geometry</source>
        <translation>窗口位置和大小</translation>
    </message>
    <message>
        <source>current tab</source>
        <translation>当前标签页</translation>
    </message>
    <message>
        <source>Ignored unreadable saved settings: {0}</source>
        <translation>已忽略无法读取的已保存设置：{0}</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Neuron Tuner {0}&lt;/h3&gt;&lt;p&gt;Feel how a neural network works by moving its weights by hand.&lt;/p&gt;&lt;p&gt;Built with Qt {1} through PySide6 {2} (LGPL-3.0), pyqtgraph {3} (MIT) and NumPy {4} (BSD-3-Clause).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Neuron Tuner {0}&lt;/h3&gt;&lt;p&gt;亲手调节权重，感受神经网络如何工作。&lt;/p&gt;&lt;p&gt;基于 Qt {1}（通过 PySide6 {2}，LGPL-3.0）、pyqtgraph {3}（MIT）和 NumPy {4}（BSD-3-Clause）构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Neuron Tuner</source>
        <translation>关于 Neuron Tuner</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open weights…</source>
        <translation>打开权重(&amp;O)…</translation>
    </message>
    <message>
        <source>Load the current tab&apos;s weights from a file</source>
        <translation>从文件载入当前标签页的权重</translation>
    </message>
    <message>
        <source>&amp;Save weights…</source>
        <translation>保存权重(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the current tab&apos;s weights to a file</source>
        <translation>把当前标签页的权重保存到文件</translation>
    </message>
    <message>
        <source>&amp;Export plot…</source>
        <translation>导出图(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the current tab&apos;s main plot as PNG or SVG</source>
        <translation>把当前标签页的主图保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Save the session and quit</source>
        <translation>保存会话并退出</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reset tab</source>
        <translation>重置标签页(&amp;R)</translation>
    </message>
    <message>
        <source>Put the current tab back to its defaults</source>
        <translation>把当前标签页恢复为默认设置</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;explanations</source>
        <translation>显示讲解(&amp;E)</translation>
    </message>
    <message>
        <source>Show or hide the teaching notes in every tab</source>
        <translation>显示或隐藏各标签页中的讲解说明</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <source>Switch between the light and dark look</source>
        <translation>在浅色和深色外观之间切换</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Exercises</source>
        <translation>练习(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Neuron Tuner</source>
        <translation>关于 Neuron Tuner(&amp;A)</translation>
    </message>
    <message>
        <source>cannot read or write the settings file {0}</source>
        <translation>无法读写设置文件 {0}</translation>
    </message>
    <message>
        <source>the settings file {0} is damaged</source>
        <translation>设置文件 {0} 已损坏</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Could not open the weights</source>
        <translation>无法打开权重</translation>
    </message>
    <message>
        <source>Could not save the weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <source>Settings will not be saved: {0}</source>
        <translation>设置将不会被保存：{0}</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>下一个或上一个控件</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Slider or spin box: one step</source>
        <translation>滑块或数值框：一步</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Slider: a tenth of a step (fine)</source>
        <translation>滑块：十分之一步（微调）</translation>
    </message>
    <message>
        <source>Shift+Arrow keys</source>
        <translation>Shift+方向键</translation>
    </message>
    <message>
        <source>Slider or spin box: a large step</source>
        <translation>滑块或数值框：一大步</translation>
    </message>
    <message>
        <source>PgUp / PgDn</source>
        <translation>PgUp / PgDn</translation>
    </message>
    <message>
        <source>Slider or spin box: lowest or highest value</source>
        <translation>滑块或数值框：最小值或最大值</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>output y</source>
        <translation>输出 y</translation>
    </message>
    <message>
        <source>hidden {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>Input x: the network&apos;s input, no bias.</source>
        <translation>输入 x：网络的输入，没有偏置。</translation>
    </message>
    <message>
        <source>Output y
bias {0} = {1}</source>
        <translation>输出 y
偏置 {0} = {1}</translation>
    </message>
    <message>
        <source>Hidden layer {0}, neuron {1}
bias {2} = {3}</source>
        <translation>隐藏层 {0}，神经元 {1}
偏置 {2} = {3}</translation>
    </message>
    <message>
        <source>{0} = {1}
from {2} to {3}</source>
        <translation>{0} = {1}
从 {2} 到 {3}</translation>
    </message>
    <message>
        <source>Its source neuron is dead, so this weight carries nothing.</source>
        <translation>它的源神经元已死亡，因此这个权重不传递任何信号。</translation>
    </message>
    <message>
        <source>Click a neuron to edit its weights and bias; hover a node or a line to see its value.
Blue lines are positive weights, red negative; thicker means larger.</source>
        <translation>点击神经元可编辑其权重和偏置；鼠标悬停在节点或连线上可查看数值。
蓝线表示正权重，红线表示负权重；越粗表示绝对值越大。</translation>
    </message>
    <message>
        <source>Alive: it outputs more than 0 for some x.</source>
        <translation>存活：对某些 x 输出大于 0。</translation>
    </message>
    <message>
        <source>Dead: its input w·x + b is ≤ 0 for every x in [0, 1], so it outputs 0 and gets no gradient.</source>
        <translation>死亡：对 [0, 1] 中的每个 x，其输入 w·x + b 都 ≤ 0，因此输出 0，得不到梯度。</translation>
    </message>
    <message>
        <source>Dead: its input (the weighted sum of layer {0} + b) is ≤ 0 for every x in [0, 1], so it outputs 0 and gets no gradient.</source>
        <translation>死亡：对 [0, 1] 中的每个 x，其输入（第 {0} 层的加权和 + b）都 ≤ 0，因此输出 0，得不到梯度。</translation>
    </message>
    <message>
        <source>hidden {0} neuron {1}</source>
        <translation>隐藏层 {0} 神经元 {1}</translation>
    </message>
    <message>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <source>The network as nodes and lines, {0}: one line per weight, blue positive, red negative, thicker for larger values. Click a neuron to edit its parameters.</source>
        <translation>用节点和连线表示的网络，{0}：每条线代表一个权重，蓝色为正，红色为负，数值越大线越粗。点击神经元可编辑它的参数。</translation>
    </message>
</context>
<context>
    <name>NeuronMapsView</name>
    <message>
        <source>hidden neuron maps</source>
        <extracomment>Inclusive (low, high) of every setting; the spin boxes use the same. Weights are kept within ±MAX_ABS_PARAM: the spin boxes&apos; range, and a bound that keeps every logit finite for inputs in the −1…1 view. Points the history keeps: far more than the plot has pixels across, and a fixed cost per frame however long the run.</extracomment>
        <translation>隐藏神经元图</translation>
    </message>
    <message>
        <source>One small map per hidden neuron, one row per hidden layer: the neuron&apos;s ReLU output over the plane, dark where it is off and brighter the more it outputs, with its line for the first layer. Click a map to edit that neuron.</source>
        <translation>每个隐藏神经元一张小图，每个隐藏层一行：显示该神经元在平面上的 ReLU 输出，未激活处为暗色，输出越大越亮；第 1 层还画出它的直线。点击小图可编辑该神经元。</translation>
    </message>
    <message>
        <source>h{0}</source>
        <translation>h{0}</translation>
    </message>
    <message>
        <source>g{0}</source>
        <translation>g{0}</translation>
    </message>
    <message>
        <source> + {0} smaller terms</source>
        <translation> + {0} 个更小的项</translation>
    </message>
</context>
<context>
    <name>ParamPanel</name>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Hidden {0}</source>
        <translation>隐藏层 {0}</translation>
    </message>
    <message>
        <source>Output neuron y</source>
        <translation>输出神经元 y</translation>
    </message>
    <message>
        <source>Hidden layer {0}, neuron {1}</source>
        <translation>第 {0} 个隐藏层，神经元 {1}</translation>
    </message>
    <message>
        <source>Lock neuron</source>
        <translation>锁定神经元</translation>
    </message>
    <message>
        <source>Freeze all of this neuron&apos;s weights and its bias: auto-fit will not move them.</source>
        <translation>冻结这个神经元的所有权重和偏置：自动拟合不会改动它们。</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Gradient hint: the arrow points the way that lowers the MSE (▶ larger, ◀ smaller); it is faint where moving this value barely changes the MSE.</source>
        <translation>梯度提示：箭头指向能降低 MSE 的方向（▶ 增大，◀ 减小）；如果改变这个值几乎不影响 MSE，箭头就会变淡。</translation>
    </message>
    <message>
        <source>Lock {0}: auto-fit leaves a locked value alone.</source>
        <translation>锁定 {0}：自动拟合不会改动被锁定的值。</translation>
    </message>
    <message>
        <source>Lock every parameter of {0}</source>
        <translation>锁定 {0} 的所有参数</translation>
    </message>
    <message>
        <source>{0}: drag the slider (0.01 per pixel; click the groove to jump) or type a value (−10 … 10); arrow keys step 0.01, Shift+arrow 0.001. The curve follows as you move.</source>
        <translation>{0}：拖动滑块（每像素 0.01；点击滑槽可直接跳到该处）或输入数值（−10 … 10）；方向键每步 0.01，Shift+方向键每步 0.001。曲线会随之变化。</translation>
    </message>
    <message>
        <source>{0}, value</source>
        <translation>{0}，数值</translation>
    </message>
    <message>
        <source>Lock {0}</source>
        <translation>锁定 {0}</translation>
    </message>
    <message>
        <source>bias of {0}</source>
        <translation>{0} 的偏置</translation>
    </message>
    <message>
        <source>weight from {0} to {1}</source>
        <translation>从 {0} 到 {1} 的权重</translation>
    </message>
    <message>
        <source>output y</source>
        <translation>输出 y</translation>
    </message>
    <message>
        <source>hidden-{0} neuron {1}</source>
        <translation>隐藏层 {0} 神经元 {1}</translation>
    </message>
    <message>
        <source>The output neuron: a weighted sum of the last hidden layer, no activation.</source>
        <translation>输出神经元：最后一个隐藏层的加权和，没有激活函数。</translation>
    </message>
    <message>
        <source>First hidden layer: {0} {1} neurons, each fed by x.</source>
        <translation>第 1 个隐藏层：{0} 个 {1} 神经元，每个都以 x 为输入。</translation>
    </message>
    <message>
        <source>Hidden layer {0}: {1} {2} neurons, each fed by all of layer {3}.</source>
        <translation>第 {0} 个隐藏层：{1} 个 {2} 神经元，每个都以第 {3} 层的全部神经元为输入。</translation>
    </message>
    <message>
        <source>y = Σ w·h{0} + b, no activation. Each weight scales one neuron&apos;s piece of the curve; the bias shifts it all.</source>
        <translation>y = Σ w·h{0} + b，没有激活函数。每个权重缩放一个神经元贡献的那段曲线；偏置让整条曲线上下平移。</translation>
    </message>
    <message>
        <source>h1[{0}] = {1}(w·x + b). The weight sets the slope, the bias moves where it bends (at x = −b/w).</source>
        <translation>h1[{0}] = {1}(w·x + b)。权重决定斜率，偏置移动弯折的位置（在 x = −b/w 处）。</translation>
    </message>
    <message>
        <source>h{0}[{1}] = {2}(Σ w·h{3} + b). A negative weight flips a ramp; the bias shifts it up or down and sets where it is cut off.</source>
        <translation>h{0}[{1}] = {2}(Σ w·h{3} + b)。负权重会把斜坡翻转；偏置让它上下平移，并决定它在哪里被截断。</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>Neuron Tuner — progress report</source>
        <translation>Neuron Tuner — 进度报告</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ 已完成</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>SineFitTab</name>
    <message>
        <source>Hand-tuned</source>
        <translation>手工调校</translation>
    </message>
    <message>
        <source>NNFS first step</source>
        <translation>NNFS 第一步</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Load the chosen preset again (Random draws new numbers).</source>
        <translation>重新载入所选预设（“随机”会抽取新的数值）。</translation>
    </message>
    <message>
        <source>draw your own</source>
        <translation>自己画</translation>
    </message>
    <message>
        <source>The curve the network should follow. “draw your own”: drag on the plot to sketch a target; drawing over a stretch again replaces it.</source>
        <translation>网络应当跟随的曲线。“自己画”：在图上拖动来画出目标；在同一段上再画一次会替换掉原来的部分。</translation>
    </message>
    <message>
        <source>Auto-fit</source>
        <translation>自动拟合</translation>
    </message>
    <message>
        <source>Auto-fit stops when the MSE is this low.</source>
        <translation>MSE 降到这个值时，自动拟合停止。</translation>
    </message>
    <message>
        <source>stop at MSE ≤</source>
        <translation>在 MSE ≤ 时停止</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the change you undid (Ctrl+Shift+Z).</source>
        <translation>重做刚才撤销的修改（Ctrl+Shift+Z）。</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>载入…</translation>
    </message>
    <message>
        <source>Copy as NumPy</source>
        <translation>复制为 NumPy</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>What the last action did, or why it failed.</source>
        <translation>上一个操作做了什么，或者它为什么失败。</translation>
    </message>
    <message>
        <source>Show neurons</source>
        <translation>显示神经元</translation>
    </message>
    <message>
        <source>Fit view</source>
        <translation>适应视图</translation>
    </message>
    <message>
        <source>Rescale the y axis to show the whole target and output.</source>
        <translation>重新缩放 y 轴，使目标和输出完整显示。</translation>
    </message>
    <message>
        <source>Mean squared error between the network output and the target over the 1000 points.</source>
        <translation>网络输出与目标在 1000 个点上的均方误差。</translation>
    </message>
    <message>
        <source>R²: 1 is a perfect fit, 0 is no better than a flat line at the target&apos;s mean.</source>
        <translation>R²：1 表示完美拟合，0 表示不比一条位于目标均值处的水平线更好。</translation>
    </message>
    <message>
        <source>The largest distance between output and target at any of the points.</source>
        <translation>所有点中，输出与目标之间的最大距离。</translation>
    </message>
    <message>
        <source>Sine fit</source>
        <translation>拟合正弦</translation>
    </message>
    <message>
        <source>Could not save the weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <source>Saved the weights to {0}.</source>
        <translation>权重已保存到 {0}。</translation>
    </message>
    <message>
        <source>Could not load the weights</source>
        <translation>无法载入权重</translation>
    </message>
    <message>
        <source>Load weights</source>
        <translation>载入权重</translation>
    </message>
    <message>
        <source>Loaded the weights from {0}.</source>
        <translation>已从 {0} 载入权重。</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <source>Neuron Tuner weights (*.json)</source>
        <translation>Neuron Tuner 权重 (*.json)</translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation>设置 {0}</translation>
    </message>
    <message>
        <source>Drag {0}</source>
        <translation>拖动 {0}</translation>
    </message>
    <message>
        <source>Move kink {0}</source>
        <translation>移动折点 {0}</translation>
    </message>
    <message>
        <source>Preset: {0}</source>
        <translation>预设：{0}</translation>
    </message>
    <message>
        <source>Loaded the “{0}” weights.</source>
        <translation>已载入“{0}”的权重。</translation>
    </message>
    <message>
        <source>Drag on the plot to draw your own target</source>
        <translation>在图上拖动，画出你自己的目标</translation>
    </message>
    <message>
        <source>Network output and target</source>
        <translation>网络输出与目标</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Auto-fit cancelled.</source>
        <translation>自动拟合已取消。</translation>
    </message>
    <message>
        <source>Auto-fit ({0} steps)</source>
        <translation>自动拟合（{0} 步）</translation>
    </message>
    <message>
        <source>Auto-fit reached MSE {0} after {1} steps.</source>
        <translation>自动拟合在 {1} 步后达到 MSE {0}。</translation>
    </message>
    <message>
        <source>Auto-fit paused: MSE {0} after {1} steps.</source>
        <translation>自动拟合已暂停：{1} 步后 MSE 为 {0}。</translation>
    </message>
    <message>
        <source>Guided build: pair {0}</source>
        <translation>引导搭建：第 {0} 对</translation>
    </message>
    <message>
        <source>MSE {0}</source>
        <translation>MSE {0}</translation>
    </message>
    <message>
        <source>R² {0}</source>
        <translation>R² {0}</translation>
    </message>
    <message>
        <source>max |error| {0}</source>
        <translation>最大 |误差| {0}</translation>
    </message>
    <message>
        <source>best MSE {0}</source>
        <translation>最佳 MSE {0}</translation>
    </message>
    <message>
        <source>Auto-fit starting…</source>
        <translation>自动拟合启动中…</translation>
    </message>
    <message>
        <source>Auto-fit running (Adam): step {0}, MSE {1}.</source>
        <translation>自动拟合运行中（Adam）：第 {0} 步，MSE {1}。</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Hidden layers:</source>
        <translation>隐藏层数：</translation>
    </message>
    <message>
        <source>neurons:</source>
        <translation>神经元数：</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Starting weights, one undo step. Hand-tuned: eight neuron pairs drawing the sine in straight segments. NNFS first step: only the first pair, as the chapter begins (both on the 1→8→8→1 ReLU network). Random: an untrained network. Zeros: everything at 0. Custom: your own weights.</source>
        <translation>初始权重，算作一步撤销。手工调校：八对神经元用直线段画出正弦曲线。NNFS 第一步：只有第一对，和该章开头一样（两者都使用 1→8→8→1 ReLU 网络）。随机：未训练的网络。全零：所有值都为 0。自定义：你自己的权重。</translation>
    </message>
    <message>
        <source>Load the preset again</source>
        <translation>重新载入预设</translation>
    </message>
    <message>
        <source>Target curve</source>
        <translation>目标曲线</translation>
    </message>
    <message>
        <source>Let gradient descent (Adam) improve the current weights, animated; press again to stop. It stops by itself at the target MSE or after {0} steps, keeping the best weights it reached. Locked parameters do not move.</source>
        <translation>让梯度下降（Adam）以动画方式改进当前权重；再按一次停止。达到目标 MSE 或运行 {0} 步后会自动停止，并保留达到过的最佳权重。被锁定的参数不会变动。</translation>
    </message>
    <message>
        <source>Auto-fit target MSE</source>
        <translation>自动拟合的目标 MSE</translation>
    </message>
    <message>
        <source>Undo the last change of the network (Ctrl+Z).</source>
        <translation>撤销对网络的上一次修改（Ctrl+Z）。</translation>
    </message>
    <message>
        <source>Save the network&apos;s shape, weights and biases to a JSON file.</source>
        <translation>把网络的结构、权重和偏置保存到 JSON 文件。</translation>
    </message>
    <message>
        <source>Load weights saved by Neuron Tuner, with their network&apos;s shape (a bad file is refused, nothing changes).</source>
        <translation>载入 Neuron Tuner 保存的权重及其网络结构（有问题的文件会被拒绝，不做任何改动）。</translation>
    </message>
    <message>
        <source>Copy Python code that rebuilds these weights as NumPy arrays W1, b1, W2, b2, …, with a forward(x) function.</source>
        <translation>复制 Python 代码：把这些权重重建为 NumPy 数组 W1, b1, W2, b2, …，并附带一个 forward(x) 函数。</translation>
    </message>
    <message>
        <source>Number of hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>How many hidden layers the network has (1 to {0}). A change of shape is one undo step; weights both shapes share are kept.</source>
        <translation>网络有几个隐藏层（1 到 {0}）。改变结构算作一步撤销；新旧结构共有的权重会保留。</translation>
    </message>
    <message>
        <source>Neurons in hidden layer {0}</source>
        <translation>第 {0} 个隐藏层的神经元数</translation>
    </message>
    <message>
        <source>How many neurons hidden layer {0} has (1 to {1}); off when the network has fewer layers.</source>
        <translation>第 {0} 个隐藏层有多少个神经元（1 到 {1}）；网络层数不够时不可用。</translation>
    </message>
    <message>
        <source>Hidden activation</source>
        <translation>隐藏层激活函数</translation>
    </message>
    <message>
        <source>The activation of every hidden neuron. ReLU and Leaky ReLU bend at a kink, tanh and sigmoid bend smoothly.</source>
        <translation>所有隐藏神经元的激活函数。ReLU 和 Leaky ReLU 在折点处弯折，tanh 和 sigmoid 则平滑地弯曲。</translation>
    </message>
    <message>
        <source>Thin curves: each last-hidden-layer neuron&apos;s weighted part of the output (they add up to it, plus the output bias). Dashed lines: each first-layer neuron&apos;s kink (ReLU-like activations only); drag one to move that neuron&apos;s bias.</source>
        <translation>细曲线：最后一个隐藏层中每个神经元在输出中的加权部分（它们相加，再加上输出偏置，就是输出）。虚线：第 1 层每个神经元的折点（仅限类 ReLU 激活函数）；拖动虚线可移动该神经元的偏置。</translation>
    </message>
    <message>
        <source>The lowest MSE reached against this target with this network shape.</source>
        <translation>在这个目标和这种网络结构下达到过的最低 MSE。</translation>
    </message>
    <message>
        <source>vertical scroll bar</source>
        <translation>垂直滚动条</translation>
    </message>
    <message>
        <source>horizontal scroll bar</source>
        <translation>水平滚动条</translation>
    </message>
    <message>
        <source>Could not save the weights: {0}</source>
        <translation>无法保存权重：{0}</translation>
    </message>
    <message>
        <source>Could not load the weights from {0}: {1}</source>
        <translation>无法从 {0} 载入权重：{1}</translation>
    </message>
    <message>
        <source>Copied NumPy code for W1, b1, W2, b2, … to the clipboard.</source>
        <translation>已把 W1, b1, W2, b2, … 的 NumPy 代码复制到剪贴板。</translation>
    </message>
    <message>
        <source>{0} changes nothing yet: this neuron&apos;s output is multiplied by 0 in every path to y (hidden-{1} neuron {2}: every weight after it, or after the neurons it feeds, is 0). Give one of those weights a value first.</source>
        <translation>{0} 暂时不起作用：这个神经元的输出在通往 y 的每条路径上都被乘以 0（隐藏层 {1} 神经元 {2}：它之后的每个权重，或它所连接的神经元之后的每个权重，都是 0）。请先给其中一个权重赋一个值。</translation>
    </message>
    <message>
        <source>Shape {0}, {1}</source>
        <translation>结构 {0}，{1}</translation>
    </message>
    <message>
        <source>Auto-fit running (Adam): step {0}, MSE {1} — fewer steps per frame than asked: this machine cannot keep up.</source>
        <translation>自动拟合运行中（Adam）：第 {0} 步，MSE {1} —— 每帧步数少于设定值：这台电脑跟不上。</translation>
    </message>
    <message>
        <source>Auto-fit has nothing to do: every parameter is locked. Unlock some to let it learn.</source>
        <translation>自动拟合无事可做：所有参数都已锁定。解锁一些参数才能让它学习。</translation>
    </message>
    <message>
        <source>Auto-fit stopped at the step limit after {1} steps, keeping the best weights it reached: MSE {0}.</source>
        <translation>自动拟合在 {1} 步后达到步数上限而停止，已保留达到过的最佳权重：MSE {0}。</translation>
    </message>
    <message>
        <source>Auto-fit stopped: a step diverged (a weight would have become infinite or left −10 … 10). The last good weights are kept: MSE {0} after {1} steps.</source>
        <translation>自动拟合已停止：某一步发散了（某个权重会变成无穷大或超出 −10 … 10）。已保留最后一组正常的权重：{1} 步后 MSE 为 {0}。</translation>
    </message>
    <message>
        <source>Guided build</source>
        <translation>引导搭建</translation>
    </message>
    <message>
        <source>The guided build replaces your weights with its own (and the target with the sine). You can undo it with Ctrl+Z. Start the guided build?</source>
        <translation>引导搭建会用它自己的权重替换你的权重（并把目标换成正弦曲线）。可以用 Ctrl+Z 撤销。要开始引导搭建吗？</translation>
    </message>
    <message>
        <source>Thin curves: each hidden-{0} neuron&apos;s part of y. Dashed lines: where each first-layer neuron bends (its kink).</source>
        <translation>细曲线：隐藏层 {0} 的每个神经元在 y 中的部分。虚线：第 1 层每个神经元弯折的位置（它的折点）。</translation>
    </message>
    <message>
        <source>Thin curves: each hidden-{0} neuron&apos;s part of y. No kinks for tanh/sigmoid: they bend smoothly, nowhere in particular.</source>
        <translation>细曲线：隐藏层 {0} 的每个神经元在 y 中的部分。tanh/sigmoid 没有折点：它们平滑弯曲，没有特定的弯折位置。</translation>
    </message>
</context>
<context>
    <name>SinePlotView</name>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>network output</source>
        <translation>网络输出</translation>
    </message>
    <message>
        <source>Kink of first-layer neuron {0} (x = −b/w). Drag it: the neuron&apos;s bias follows so the kink stays under the mouse.</source>
        <translation>第 1 层神经元 {0} 的折点（x = −b/w）。拖动它：该神经元的偏置会随之改变，使折点始终停在鼠标下方。</translation>
    </message>
    <message>
        <source>each neuron&apos;s part</source>
        <translation>各神经元的部分</translation>
    </message>
    <message>
        <source>Sine fit plot</source>
        <translation>正弦拟合图</translation>
    </message>
    <message>
        <source>The target curve (grey) and the network&apos;s output (blue) for x from 0 to 1; with Show neurons, each last-layer neuron&apos;s part of the output and the first layer&apos;s kinks.</source>
        <translation>x 从 0 到 1 的目标曲线（灰色）和网络输出（蓝色）；勾选“显示神经元”时，还显示最后一层每个神经元在输出中的部分以及第 1 层的折点。</translation>
    </message>
</context>
<context>
    <name>SoftmaxPlayground</name>
    <message>
        <source>Logits</source>
        <translation>Logits</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>Number of logits (classes), 3 to 6</source>
        <translation>logits（类别）的个数，3 到 6</translation>
    </message>
    <message>
        <source>Logit {0}: the raw score of class {1}; only differences between logits matter</source>
        <translation>Logit {0}：类别 {1} 的原始分数；只有 logits 之间的差值才有意义</translation>
    </message>
    <message>
        <source>Temperature T</source>
        <translation>温度 T</translation>
    </message>
    <message>
        <source>softmax(x / T): T &gt; 1 flattens the bars, T &lt; 1 sharpens them towards the largest logit</source>
        <translation>softmax(x / T)：T &gt; 1 使柱子更平均，T &lt; 1 使其向最大的 logit 集中</translation>
    </message>
    <message>
        <source>Post 004&apos;s logits</source>
        <translation>第 004 篇文章的 logits</translation>
    </message>
    <message>
        <source>Logits 4.8, 1.21, 2.385 from post 004 (softmax ≈ 0.895, 0.025, 0.080)</source>
        <translation>第 004 篇文章中的 logits 4.8, 1.21, 2.385（softmax ≈ 0.895, 0.025, 0.080）</translation>
    </message>
    <message>
        <source>Huge logits</source>
        <translation>超大 logits</translation>
    </message>
    <message>
        <source>Logits 1000, 1001, 1002: e^1000 is too big for a float</source>
        <translation>logits 1000, 1001, 1002：e^1000 太大，浮点数放不下</translation>
    </message>
    <message>
        <source>Also show the naive formula e^x / Σ e^x</source>
        <translation>同时显示朴素公式 e^x / Σ e^x</translation>
    </message>
    <message>
        <source>Compute softmax without subtracting the largest logit first, and draw it beside the safe version</source>
        <translation>不先减去最大 logit 直接计算 softmax，并画在安全版本旁边</translation>
    </message>
    <message>
        <source>Softmax turns scores into probabilities: p_i = e^(x_i − max) / Σ e^(x_j − max). Subtracting the largest logit changes nothing mathematically but keeps every exponent ≤ 0, so nothing overflows. Adding the same number to every logit leaves p unchanged; multiplying them (or dividing by T) does not.</source>
        <translation>Softmax 把分数变成概率：p_i = e^(x_i − max) / Σ e^(x_j − max)。减去最大 logit 在数学上不改变结果，却能让每个指数都 ≤ 0，因此不会溢出。给每个 logit 加上同一个数，p 不变；把它们乘上（或除以 T）同一个数则会改变 p。</translation>
    </message>
    <message>
        <source>Probabilities softmax(x / T)</source>
        <translation>概率 softmax(x / T)</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>max-shifted (safe)</source>
        <translation>减去最大值（安全）</translation>
    </message>
    <message>
        <source>naive e^x / Σ e^x</source>
        <translation>朴素 e^x / Σ e^x</translation>
    </message>
    <message>
        <source>logit x</source>
        <translation>logit x</translation>
    </message>
    <message>
        <source>z = x / T</source>
        <translation>z = x / T</translation>
    </message>
    <message>
        <source>softmax p</source>
        <translation>softmax p</translation>
    </message>
    <message>
        <source>naive p</source>
        <translation>朴素 p</translation>
    </message>
    <message>
        <source>The numbers behind the bars</source>
        <translation>柱状图背后的数值</translation>
    </message>
    <message>
        <source>Σ p = {0} (max-shifted)</source>
        <translation>Σ p = {0}（减去最大值）</translation>
    </message>
    <message>
        <source>Tick “naive formula” to compare with e^x / Σ e^x computed without subtracting the largest logit — try the huge logits.</source>
        <translation>勾选“朴素公式”，与不减去最大 logit 直接计算的 e^x / Σ e^x 作比较——试试超大 logits。</translation>
    </message>
    <message>
        <source>Overflow! The naive formula gives {0}: e^{1} is larger than the largest float64 (≈ 1.8·10³⁰⁸ = e^{2}), so Σ e^z = inf and inf / inf = NaN. The max-shifted softmax computes e^(z − {1}) instead: every exponent is ≤ 0 and the result is exact.</source>
        <translation>溢出！朴素公式得到 {0}：e^{1} 超过了 float64 的最大值（≈ 1.8·10³⁰⁸ = e^{2}），所以 Σ e^z = inf，而 inf / inf = NaN。减去最大值的 softmax 改为计算 e^(z − {1})：每个指数都 ≤ 0，结果准确无误。</translation>
    </message>
    <message>
        <source>Underflow! The naive formula gives {0}: every e^z is below the smallest float64, so Σ e^z = 0 and 0 / 0 = NaN. The max-shifted softmax makes the largest term e^0 = 1, so the sum is never 0.</source>
        <translation>下溢！朴素公式得到 {0}：每个 e^z 都小于 float64 能表示的最小值，所以 Σ e^z = 0，而 0 / 0 = NaN。减去最大值的 softmax 使最大的一项为 e^0 = 1，因此和永远不会为 0。</translation>
    </message>
    <message>
        <source>The naive formula agrees here ({0}): every e^z fits in a float64. It breaks once a logit / T passes ≈ {1}.</source>
        <translation>这里朴素公式的结果一致（{0}）：每个 e^z 都能用 float64 表示。一旦某个 logit / T 超过 ≈ {1}，它就会失效。</translation>
    </message>
    <message>
        <source>Number of logits</source>
        <translation>logits 的个数</translation>
    </message>
    <message>
        <source>Logit {0}</source>
        <translation>Logit {0}</translation>
    </message>
    <message>
        <source>Bars of the probabilities softmax gives each logit, and the naive formula&apos;s beside them when it is shown</source>
        <translation>softmax 给每个 logit 的概率柱状图；显示朴素公式时，其结果画在旁边</translation>
    </message>
    <message>
        <source>Softmax numbers</source>
        <translation>Softmax 数值</translation>
    </message>
</context>
<context>
    <name>SpiralTab</name>
    <message>
        <source>Background: the class the network predicts at each point; a stronger colour means a more confident prediction (softmax output). Dots: the spiral data, coloured by their true class. Dashed lines: where each first-layer ReLU switches on; the stub points to its active side.</source>
        <translation>背景：网络在每个点预测的类别；颜色越深，表示预测越有把握（softmax 输出）。圆点：螺旋数据，按真实类别着色。虚线：第 1 层各个 ReLU 开始激活的位置；短线指向它激活的一侧。</translation>
    </message>
    <message>
        <source>Training history</source>
        <translation>训练历史</translation>
    </message>
    <message>
        <source>Adam step</source>
        <translation>Adam 步</translation>
    </message>
    <message>
        <source>Loss (cross-entropy) and accuracy before each training step.</source>
        <translation>每个训练步之前的损失（交叉熵）和准确率。</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Data and network</source>
        <translation>数据与网络</translation>
    </message>
    <message>
        <source>Points per class (the post uses 100). New points and new weights.</source>
        <translation>每个类别的点数（原文用 100）。更改后会生成新的点和新的权重。</translation>
    </message>
    <message>
        <source>Number of spiral arms, one class each (2–6).</source>
        <translation>螺旋臂的条数，每条臂一个类别（2–6）。</translation>
    </message>
    <message>
        <source>Random seed: one RandomState draws the points, then the weights, as the post does (seed 0 gives the post&apos;s numbers).</source>
        <translation>随机种子：与原文一样，由同一个 RandomState 先生成点、再生成权重（种子 0 得到与原文相同的数值）。</translation>
    </message>
    <message>
        <source>Points per class</source>
        <translation>每类点数</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Hidden neurons</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <source>Training (Adam)</source>
        <translation>训练（Adam）</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Start or stop training with Adam on the cross-entropy loss. Stopping keeps the weights; you can edit them and train again.</source>
        <translation>开始或停止训练：用 Adam 优化交叉熵损失。停止时会保留权重；你可以修改它们，然后再次训练。</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate (0.02 trains the 64-neuron net in a few thousand steps).</source>
        <translation>Adam 的学习率（取 0.02 时，64 个神经元的网络几千步就能训练好）。</translation>
    </message>
    <message>
        <source>Randomise (bigger weights)</source>
        <translation>随机化（更大的权重）</translation>
    </message>
    <message>
        <source>New random weights about 100× the post&apos;s, rounded to 0.01, with every ReLU line crossing the data, so the map shows clear regions to tune by hand.</source>
        <translation>生成新的随机权重：约为原文的 100 倍，四舍五入到 0.01，并让每条 ReLU 线都穿过数据，使图上呈现清晰的区域，便于手动调节。</translation>
    </message>
    <message>
        <source>Post&apos;s start</source>
        <translation>原文初始值</translation>
    </message>
    <message>
        <source>Back to the post&apos;s weights: 0.01·randn from the seed, zero biases (outputs ≈ 1/C each, a nearly flat map).</source>
        <translation>恢复原文的权重：由种子生成的 0.01·randn，偏置全为零（每个输出都 ≈ 1/C，整张图几乎没有起伏）。</translation>
    </message>
    <message>
        <source>Show ReLU lines</source>
        <translation>显示 ReLU 线</translation>
    </message>
    <message>
        <source>Draw w_x·x + w_y·y + b = 0 for each hidden neuron shown in the editor: the ReLU is zero on one side and grows on the other.</source>
        <translation>为编辑器中显示的每个隐藏神经元画出 w_x·x + w_y·y + b = 0：ReLU 在一侧为零，在另一侧逐渐增大。</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Steps per frame</source>
        <translation>每帧步数</translation>
    </message>
    <message>
        <source>Weights and biases: move one and watch its region change</source>
        <translation>权重与偏置：调节其中一个，观察它对应的区域如何变化</translation>
    </message>
    <message>
        <source>Softmax outputs of the first five points (as the post prints them)</source>
        <translation>前五个点的 softmax 输出（与原文打印的一样）</translation>
    </message>
    <message>
        <source>softmax_output[:5]: each row is one data point (its x, y in the row header), each column the probability of one class; a row sums to 1.</source>
        <translation>softmax_output[:5]：每一行是一个数据点（行标题中是它的 x, y），每一列是一个类别的概率；每行之和为 1。</translation>
    </message>
    <message>
        <source>Mean cross-entropy over all points: −log of the probability given to the true class. ln(C) for a flat guess; 0 is perfect.</source>
        <translation>所有点上的平均交叉熵：赋给真实类别的概率取 −log。均匀猜测时为 ln(C)；0 表示完美。</translation>
    </message>
    <message>
        <source>Share of points whose most probable class is their true class.</source>
        <translation>最可能的类别恰好是真实类别的点所占的比例。</translation>
    </message>
    <message>
        <source>Spiral classifier</source>
        <translation>螺旋分类器</translation>
    </message>
    <message>
        <source>h{0}</source>
        <translation>h{0}</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>Loss (cross-entropy): {0}</source>
        <translation>损失（交叉熵）：{0}</translation>
    </message>
    <message>
        <source>Accuracy: {0} % ({1} of {2} points)</source>
        <translation>准确率：{0} %（{2} 个点中 {1} 个正确）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Training stopped: the next step would push a weight beyond ±{0}. The last good weights are kept; try a smaller learning rate.</source>
        <translation>训练已停止：下一步会把某个权重推到 ±{0} 之外。已保留最后一组正常的权重；请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>Training diverged (the next step gave NaN or infinite numbers), so it stopped. The last good weights are kept; try a smaller learning rate.</source>
        <translation>训练发散（下一步得到了 NaN 或无穷大的数），因此已停止。已保留最后一组正常的权重；请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>Each hidden ReLU draws one line across the plane (dashed) and is active on one side of it. The output layer adds these half-planes into one score per class; softmax turns the scores into probabilities — the colour&apos;s strength. Drag a slider&apos;s handle for steps of 0.01; click its groove to jump.</source>
        <translation>每个隐藏 ReLU 在平面上画一条直线（虚线），并在直线的一侧激活。输出层把这些半平面相加，为每个类别得到一个分数；softmax 把分数变成概率——也就是颜色的深浅。拖动滑块手柄每步 0.01；点击滑槽可直接跳到该处。</translation>
    </message>
    <message>
        <source>scroll bar</source>
        <translation>滚动条</translation>
    </message>
    <message>
        <source>table corner</source>
        <translation>表格角</translation>
    </message>
    <message>
        <source>Predicted class map</source>
        <translation>预测类别图</translation>
    </message>
    <message>
        <source>class map</source>
        <translation>类别图</translation>
    </message>
    <message>
        <source>The plane from −1 to 1 in x and y, coloured by the class the network predicts there, with the spiral&apos;s points and the hidden neurons&apos; ReLU lines.</source>
        <translation>x 和 y 从 −1 到 1 的平面，按网络在各处预测的类别着色，并画出螺旋数据点和隐藏神经元的 ReLU 线。</translation>
    </message>
    <message>
        <source>training history</source>
        <translation>训练历史</translation>
    </message>
    <message>
        <source>Loss and accuracy of the network before each Adam step of the current run.</source>
        <translation>本次训练中每个 Adam 步之前网络的损失和准确率。</translation>
    </message>
    <message>
        <source>Neurons in each hidden ReLU layer: 3 as in the post, up to 64.</source>
        <translation>每个隐藏 ReLU 层的神经元数：原文为 3，最多 64。</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层数</translation>
    </message>
    <message>
        <source>One hidden ReLU layer as in the post, or two of the same width.</source>
        <translation>像原文一样用一个隐藏 ReLU 层，或用两个宽度相同的隐藏层。</translation>
    </message>
    <message>
        <source>Adam steps per animation frame, at most: more is faster, fewer is smoother. A frame runs only as many as fit in 8 ms, so the window stays responsive.</source>
        <translation>每个动画帧最多运行的 Adam 步数：越多越快，越少越流畅。每帧只运行 8 ms 内能完成的步数，因此窗口始终保持响应。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Adam steps per frame, at most</source>
        <translation>每帧最多运行的 Adam 步数</translation>
    </message>
    <message>
        <source>softmax outputs of the first five points</source>
        <translation>前五个点的 softmax 输出</translation>
    </message>
    <message>
        <source>Could not save the weights to {0}: {1}</source>
        <translation>无法把权重保存到 {0}：{1}</translation>
    </message>
    <message>
        <source>this tab shows weights within ±{0}, the file has {1}.</source>
        <translation>此标签页只显示 ±{0} 以内的权重，而文件中有 {1}。</translation>
    </message>
    <message>
        <source>Could not open the weights {0}: {1}</source>
        <translation>无法打开权重 {0}：{1}</translation>
    </message>
    <message>
        <source>stop training</source>
        <translation>停止训练</translation>
    </message>
    <message>
        <source>start training</source>
        <translation>开始训练</translation>
    </message>
    <message>
        <source>This computer manages {0} of {1} steps a frame at this size: training runs slower than asked, the window stays responsive.</source>
        <translation>在这个规模下，这台电脑每帧只能完成 {1} 步中的 {0} 步：训练比设定的慢，但窗口保持响应。</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <source>Hidden neuron:</source>
        <translation>隐藏神经元：</translation>
    </message>
    <message>
        <source>of {0} (a wide net: one neuron at a time)</source>
        <translation>共 {0} 个（网络较宽：每次编辑一个神经元）</translation>
    </message>
    <message>
        <source>Hidden layer: h = ReLU(w_x·x + w_y·y + b)</source>
        <translation>隐藏层：h = ReLU(w_x·x + w_y·y + b)</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>h{0}</source>
        <translation>h{0}</translation>
    </message>
    <message>
        <source>Output layer: score z = Σ w·h + b, then softmax</source>
        <translation>输出层：分数 z = Σ w·h + b，再经过 softmax</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <source>Which hidden neuron to edit: its incoming weights, its bias and its weight into each neuron of the next layer. Its ReLU line is drawn on the map.</source>
        <translation>要编辑哪个隐藏神经元：它的输入权重、偏置，以及它连到下一层每个神经元的权重。它的 ReLU 线会画在图上。</translation>
    </message>
    <message>
        <source>hidden neuron to edit</source>
        <translation>要编辑的隐藏神经元</translation>
    </message>
    <message>
        <source>g{0}</source>
        <translation>g{0}</translation>
    </message>
    <message>
        <source>Output layer: score z = Σ w·g + b, then softmax</source>
        <translation>输出层：分数 z = Σ w·g + b，再经过 softmax</translation>
    </message>
    <message>
        <source>Hidden layer 2: g = ReLU(Σ w·h + b)</source>
        <translation>第 2 个隐藏层：g = ReLU(Σ w·h + b)</translation>
    </message>
    <message>
        <source>weight from {0}</source>
        <translation>来自 {0} 的权重</translation>
    </message>
    <message>
        <source>Hidden neuron {0} = ReLU(Σ w·input + b)</source>
        <translation>隐藏神经元 {0} = ReLU(Σ w·输入 + b)</translation>
    </message>
    <message>
        <source>Its weight into each neuron of the next layer</source>
        <translation>它连到下一层每个神经元的权重</translation>
    </message>
    <message>
        <source>{0}, exact value</source>
        <translation>{0}，精确值</translation>
    </message>
    <message>
        <source>bias of {0}</source>
        <translation>{0} 的偏置</translation>
    </message>
    <message>
        <source>weight from {0} into {1}</source>
        <translation>从 {0} 到 {1} 的权重</translation>
    </message>
    <message>
        <source>Bias of {0}&apos;s score: raises or lowers it everywhere.</source>
        <translation>{0} 分数的偏置：在所有位置把分数整体调高或调低。</translation>
    </message>
    <message>
        <source>Weight from {0} into {1}&apos;s score: positive means where {0} is active, {1} gains.</source>
        <translation>从 {0} 到 {1} 分数的权重：为正时，{0} 激活的地方 {1} 的分数增加。</translation>
    </message>
    <message>
        <source>Bias of {0}: slides its line (where the ReLU switches on) without turning it. Slider ±10, spin box ±100.</source>
        <translation>{0} 的偏置：平移它的直线（ReLU 开始激活的位置），但不旋转。滑块 ±10，数值框 ±100。</translation>
    </message>
    <message>
        <source>Weight from {0} into {1}: turns its line and sets how fast {1} grows on the active side. Slider ±10, spin box ±100.</source>
        <translation>从 {0} 到 {1} 的权重：旋转它的直线，并决定 {1} 在激活一侧增长的快慢。滑块 ±10，数值框 ±100。</translation>
    </message>
    <message>
        <source>{0}: {1} adds this times {2} before its ReLU. Slider ±10, spin box ±100. Drag the handle for steps of 0.01.</source>
        <translation>{0}：{1} 在经过 ReLU 之前加上这个值乘以 {2}。滑块 ±10，数值框 ±100。拖动手柄每步 0.01。</translation>
    </message>
</context>
<context>
    <name>XorPanel</name>
    <message>
        <source>Two layers make XOR</source>
        <translation>两层实现 XOR</translation>
    </message>
    <message>
        <source>s1 = NAND(x1, x2) and s2 = OR(x1, x2) each draw one line (dashed on the plot); y = AND(s1, s2) is 1 only between them.</source>
        <translation>s1 = NAND(x1, x2) 和 s2 = OR(x1, x2) 各画一条直线（图中虚线）；y = AND(s1, s2) 只在两线之间为 1。</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <source>s1 (NAND)</source>
        <translation>s1 (NAND)</translation>
    </message>
    <message>
        <source>s2 (OR)</source>
        <translation>s2 (OR)</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>The two-layer network on all four inputs: the hidden outputs s1, s2 and the final output y</source>
        <translation>两层网络在全部四种输入上的表现：隐藏层输出 s1、s2 和最终输出 y</translation>
    </message>
    <message>
        <source>NAND → s1</source>
        <translation>NAND → s1</translation>
    </message>
    <message>
        <source>OR → s2</source>
        <translation>OR → s2</translation>
    </message>
    <message>
        <source>AND → y</source>
        <translation>AND → y</translation>
    </message>
    <message>
        <source>{0} of the {1} neuron</source>
        <translation>{1} 神经元的 {0}</translation>
    </message>
    <message>
        <source>✗ y differs from XOR at {0}.</source>
        <translation>✗ y 在 {0} 处与 XOR 不同。</translation>
    </message>
    <message>
        <source>✓ y = XOR(x1, x2) on all four inputs.</source>
        <translation>✓ 在全部四种输入上 y = XOR(x1, x2)。</translation>
    </message>
    <message>
        <source>Truth table of the two-layer network</source>
        <translation>两层网络的真值表</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <source>f(x) = 1 if x &gt; 0 else 0</source>
        <translation>f(x) = 1（若 x &gt; 0），否则为 0</translation>
    </message>
    <message>
        <source>f′(x) = 0 (undefined at 0)</source>
        <translation>f′(x) = 0（在 0 处无定义）</translation>
    </message>
    <message>
        <source>{0, 1}</source>
        <translation>{0, 1}</translation>
    </message>
    <message>
        <source>simple: a yes/no decision, the perceptron&apos;s rule</source>
        <translation>简单：是/否判断，即感知机的规则</translation>
    </message>
    <message>
        <source>zero gradient everywhere, so gradient descent cannot learn with it</source>
        <translation>处处梯度为零，梯度下降无法用它学习</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>f(x) = x</source>
        <translation>f(x) = x</translation>
    </message>
    <message>
        <source>f′(x) = 1</source>
        <translation>f′(x) = 1</translation>
    </message>
    <message>
        <source>(−∞, ∞)</source>
        <translation>(−∞, ∞)</translation>
    </message>
    <message>
        <source>right for a regression output layer</source>
        <translation>适合回归任务的输出层</translation>
    </message>
    <message>
        <source>a stack of linear layers is still linear: depth adds nothing</source>
        <translation>线性层叠起来仍是线性的：加深毫无用处</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>σ(x) = 1 / (1 + e^(−x))</source>
        <translation>σ(x) = 1 / (1 + e^(−x))</translation>
    </message>
    <message>
        <source>σ′(x) = σ(x)·(1 − σ(x))</source>
        <translation>σ′(x) = σ(x)·(1 − σ(x))</translation>
    </message>
    <message>
        <source>(0, 1)</source>
        <translation>(0, 1)</translation>
    </message>
    <message>
        <source>smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>output reads as a probability (logistic regression)</source>
        <translation>输出可解释为概率（逻辑回归）</translation>
    </message>
    <message>
        <source>saturates: gradients vanish for large |x| (σ′ ≤ 0.25)</source>
        <translation>会饱和：|x| 较大时梯度消失（σ′ ≤ 0.25）</translation>
    </message>
    <message>
        <source>not zero-centred, so updates all share one sign</source>
        <translation>不以零为中心，权重更新只能朝同一方向</translation>
    </message>
    <message>
        <source>exp and division are costly</source>
        <translation>指数和除法计算量大</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1</source>
        <translation>tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)) = 2σ(2x) − 1</translation>
    </message>
    <message>
        <source>tanh′(x) = 1 − tanh²(x)</source>
        <translation>tanh′(x) = 1 − tanh²(x)</translation>
    </message>
    <message>
        <source>(−1, 1)</source>
        <translation>(−1, 1)</translation>
    </message>
    <message>
        <source>zero-centred: converges faster than sigmoid, the loss oscillates less</source>
        <translation>以零为中心：比 Sigmoid 收敛更快，损失晃动更小</translation>
    </message>
    <message>
        <source>still saturates for large |x|</source>
        <translation>|x| 较大时仍会饱和</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>f(x) = max(0, x)</source>
        <translation>f(x) = max(0, x)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0 else 0</source>
        <translation>f′(x) = 1（若 x &gt; 0），否则为 0</translation>
    </message>
    <message>
        <source>[0, ∞)</source>
        <translation>[0, ∞)</translation>
    </message>
    <message>
        <source>no saturation for x &gt; 0, so no vanishing gradient there</source>
        <translation>x &gt; 0 时不饱和，因此那里不会梯度消失</translation>
    </message>
    <message>
        <source>cheap: no exp</source>
        <translation>计算量小：没有指数运算</translation>
    </message>
    <message>
        <source>sparse activity, like real neurons</source>
        <translation>激活稀疏，类似真实的神经元</translation>
    </message>
    <message>
        <source>dead neurons: a neuron stuck at x ≤ 0 gets zero gradient forever</source>
        <translation>死亡神经元：停留在 x ≤ 0 的神经元永远得不到梯度</translation>
    </message>
    <message>
        <source>not zero-centred</source>
        <translation>不以零为中心</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>f(x) = x if x &gt; 0 else α·x</source>
        <translation>f(x) = x（若 x &gt; 0），否则为 α·x</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0 else α</source>
        <translation>f′(x) = 1（若 x &gt; 0），否则为 α</translation>
    </message>
    <message>
        <source>a small gradient for x &lt; 0 keeps neurons alive</source>
        <translation>x &lt; 0 时的小梯度让神经元保持存活</translation>
    </message>
    <message>
        <source>α is one more hand-picked constant</source>
        <translation>α 又是一个需要手工选定的常数</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>f(x) = x if x &gt; 0 else a·x  (a learned)</source>
        <translation>f(x) = x（若 x &gt; 0），否则为 a·x（a 可学习）</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0 else a</source>
        <translation>f′(x) = 1（若 x &gt; 0），否则为 a</translation>
    </message>
    <message>
        <source>the negative slope a is learned by backpropagation</source>
        <translation>负半轴斜率 a 通过反向传播学习</translation>
    </message>
    <message>
        <source>one more parameter per channel; can overfit on small data</source>
        <translation>每个通道多一个参数；数据少时可能过拟合</translation>
    </message>
    <message>
        <source>RReLU</source>
        <translation>RReLU</translation>
    </message>
    <message>
        <source>f(x) = x if x &gt; 0 else a·x,  a ~ U(l, u) when training, (l+u)/2 when evaluating</source>
        <translation>f(x) = x（若 x &gt; 0），否则为 a·x；训练时 a ~ U(l, u)，评估时 a = (l+u)/2</translation>
    </message>
    <message>
        <source>the random slope regularises (Kaggle NDSB competition)</source>
        <translation>随机斜率起到正则化作用（Kaggle NDSB 竞赛）</translation>
    </message>
    <message>
        <source>training and evaluation behave differently</source>
        <translation>训练和评估时行为不同</translation>
    </message>
    <message>
        <source>Noisy ReLU</source>
        <translation>Noisy ReLU</translation>
    </message>
    <message>
        <source>f(x) = max(0, x + Y),  Y ~ N(0, σ²)</source>
        <translation>f(x) = max(0, x + Y),  Y ~ N(0, σ²)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x + Y &gt; 0 else 0</source>
        <translation>f′(x) = 1（若 x + Y &gt; 0），否则为 0</translation>
    </message>
    <message>
        <source>noise helps restricted Boltzmann machines (RBMs) and vision tasks</source>
        <translation>噪声有助于受限玻尔兹曼机（RBM）和视觉任务</translation>
    </message>
    <message>
        <source>random output: the same input gives different values</source>
        <translation>输出随机：同一输入会得到不同的值</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>f(x) = x if x &gt; 0 else α·(e^x − 1)</source>
        <translation>f(x) = x（若 x &gt; 0），否则为 α·(e^x − 1)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &gt; 0 else α·e^x</source>
        <translation>f′(x) = 1（若 x &gt; 0），否则为 α·e^x</translation>
    </message>
    <message>
        <source>(−α, ∞)</source>
        <translation>(−α, ∞)</translation>
    </message>
    <message>
        <source>smooth, negative outputs push mean activations towards zero</source>
        <translation>平滑，负输出使平均激活值趋近于零</translation>
    </message>
    <message>
        <source>one of the post&apos;s fixes for dead ReLUs</source>
        <translation>文中解决 ReLU 神经元死亡问题的方法之一</translation>
    </message>
    <message>
        <source>exp for x &lt; 0 costs more than ReLU</source>
        <translation>x &lt; 0 时需计算指数，开销比 ReLU 大</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>f(x) = x·Φ(x) = 0.5x(1 + erf(x/√2)) ≈ 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))</source>
        <translation>f(x) = x·Φ(x) = 0.5x(1 + erf(x/√2)) ≈ 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))</translation>
    </message>
    <message>
        <source>f′(x) = Φ(x) + x·φ(x)</source>
        <translation>f′(x) = Φ(x) + x·φ(x)</translation>
    </message>
    <message>
        <source>[≈ −0.17, ∞)</source>
        <translation>[≈ −0.17, ∞)</translation>
    </message>
    <message>
        <source>smooth ReLU used by BERT, GPT and GPT-2</source>
        <translation>平滑的 ReLU，BERT、GPT 和 GPT-2 都在用</translation>
    </message>
    <message>
        <source>costlier than ReLU (erf or tanh)</source>
        <translation>比 ReLU 开销大（需计算 erf 或 tanh）</translation>
    </message>
    <message>
        <source>sin(2πx)</source>
        <translation>sin(2πx)</translation>
    </message>
    <message>
        <source>cos(2πx)</source>
        <translation>cos(2πx)</translation>
    </message>
    <message>
        <source>|2x − 1|</source>
        <translation>|2x − 1|</translation>
    </message>
    <message>
        <source>step at x = 0.5</source>
        <translation>x = 0.5 处的阶跃</translation>
    </message>
    <message>
        <source>square wave</source>
        <translation>方波</translation>
    </message>
    <message>
        <source>triangle wave</source>
        <translation>三角波</translation>
    </message>
    <message>
        <source>FALSE</source>
        <translation>恒假</translation>
    </message>
    <message>
        <source>AND</source>
        <translation>AND</translation>
    </message>
    <message>
        <source>x1 &gt; x2</source>
        <translation>x1 &gt; x2</translation>
    </message>
    <message>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <source>x1 &lt; x2</source>
        <translation>x1 &lt; x2</translation>
    </message>
    <message>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>OR</translation>
    </message>
    <message>
        <source>NOR</source>
        <translation>NOR</translation>
    </message>
    <message>
        <source>XNOR</source>
        <translation>XNOR</translation>
    </message>
    <message>
        <source>NOT x2</source>
        <translation>非 x2</translation>
    </message>
    <message>
        <source>x1 ≥ x2</source>
        <translation>x1 ≥ x2</translation>
    </message>
    <message>
        <source>NOT x1</source>
        <translation>非 x1</translation>
    </message>
    <message>
        <source>x1 ≤ x2</source>
        <translation>x1 ≤ x2</translation>
    </message>
    <message>
        <source>NAND</source>
        <translation>NAND</translation>
    </message>
    <message>
        <source>TRUE</source>
        <translation>恒真</translation>
    </message>
    <message>
        <source>Reach MSE ≤ 0.05 on the sine using only layer-2 neurons 0 and 1 (all other output weights w3_k_0 at 0).</source>
        <translation>只用第 2 层的神经元 0 和 1，使正弦的 MSE ≤ 0.05（其余输出权重 w3_k_0 均为 0）。</translation>
    </message>
    <message>
        <source>Choose the triangle target and fit it to MSE ≤ 0.01.</source>
        <translation>选择三角波目标，并拟合到 MSE ≤ 0.01。</translation>
    </message>
    <message>
        <source>A triangle is piecewise linear: four ramps are enough. Auto-fit may finish it.</source>
        <translation>三角波是分段线性的：四段斜坡就够了。“自动拟合”也许能替你完成。</translation>
    </message>
    <message>
        <source>Turn AND into OR by changing only the bias.</source>
        <translation>只改变偏置，把 AND 变成 OR。</translation>
    </message>
    <message>
        <source>Keep w1 = w2 = 0.5. OR must fire when one input is 1: 0.5 + b &gt; 0, but b ≤ 0.</source>
        <translation>保持 w1 = w2 = 0.5。只要有一个输入为 1，OR 就必须输出 1：0.5 + b &gt; 0，但 b ≤ 0。</translation>
    </message>
    <message>
        <source>Build NAND with weights of your own (not the book&apos;s −0.5, −0.5, 0.7).</source>
        <translation>用你自己的权重搭出 NAND（不用书中的 −0.5、−0.5、0.7）。</translation>
    </message>
    <message>
        <source>NAND is AND upside down: negate all three of AND&apos;s numbers, then change them.</source>
        <translation>NAND 就是颠倒过来的 AND：把 AND 的三个数全部取反，再修改它们。</translation>
    </message>
    <message>
        <source>Make softmax give 90 % (± 0.5 %) to logit 2.</source>
        <translation>让 softmax 给 logit 2 分配 90 %（± 0.5 %）的概率。</translation>
    </message>
    <message>
        <source>Find a learning rate at which the bean neuron diverges.</source>
        <translation>找出一个让豆豆神经元发散的学习率。</translation>
    </message>
    <message>
        <source>The sigmoid neuron saturates instead; choose activation &apos;none&apos; first.</source>
        <translation>Sigmoid 神经元只会饱和；请先把激活函数选为“无”。</translation>
    </message>
    <message>
        <source>Bring the bean loss to ≤ 0.05 within 500 epochs.</source>
        <translation>在 500 轮内把豆豆损失降到 ≤ 0.05。</translation>
    </message>
    <message>
        <source>The post&apos;s lr = 0.01 is cautious. Try ten or a hundred times larger.</source>
        <translation>文中的 lr = 0.01 偏保守。试试把它调大 10 倍或 100 倍。</translation>
    </message>
    <message>
        <source>Make the perceptron compute AND with the book&apos;s weights w1 = w2 = 0.5, b = −0.7.</source>
        <translation>用书中的权重 w1 = w2 = 0.5、b = −0.7 让感知机计算 AND。</translation>
    </message>
    <message>
        <source>The tab starts at w1 = w2 = 0.5, b = 0: three rows right. Lower b until only (1, 1) gives a sum above 0 — or press the book&apos;s-weights button.</source>
        <translation>此标签页初始为 w1 = w2 = 0.5、b = 0：有三行正确。降低 b，直到只有 (1, 1) 的和大于 0——或者按“书中权重”按钮。</translation>
    </message>
    <message>
        <source>Choose XOR as the target and get 3 of its 4 rows right with one perceptron; then press Learn it and watch it never settle.</source>
        <translation>选择 XOR 作为目标，用单个感知机使其 4 行中的 3 行正确；然后按“学习”，看它永远停不下来。</translation>
    </message>
    <message>
        <source>One line cannot put (0, 1) and (1, 0) on one side and (0, 0), (1, 1) on the other. OR&apos;s weights already get three rows right.</source>
        <translation>没有一条直线能把 (0, 1) 和 (1, 0) 放在一侧、把 (0, 0) 和 (1, 1) 放在另一侧。OR 的权重已经能让三行正确。</translation>
    </message>
    <message>
        <source>Build XOR with two layers using weights of your own (change at least one of the book&apos;s nine numbers and keep y = XOR).</source>
        <translation>用你自己的权重搭出两层的 XOR（书中的九个数至少改动一个，并保持 y = XOR）。</translation>
    </message>
    <message>
        <source>s1 = NAND and s2 = OR each draw a line; y = AND(s1, s2) is 1 between them. Doubling all three numbers of a neuron keeps its line.</source>
        <translation>s1 = NAND 和 s2 = OR 各画一条直线；y = AND(s1, s2) 在两线之间为 1。把一个神经元的三个数同时加倍，它的直线不变。</translation>
    </message>
    <message>
        <source>Give layer-1 neuron 0 slope 2 (w1_0_0 = 2) and its kink at x = 0.25.</source>
        <translation>让第 1 层神经元 0 的斜率为 2（w1_0_0 = 2），折点位于 x = 0.25。</translation>
    </message>
    <message>
        <source>The kink is where w·x + b = 0, so x = −b/w. With w1_0_0 = 2, set b1_0 = −0.5.</source>
        <translation>折点位于 w·x + b = 0 处，即 x = −b/w。w1_0_0 = 2 时，设 b1_0 = −0.5。</translation>
    </message>
    <message>
        <source>Build the sine&apos;s first two segments (0 ≤ x ≤ 0.25) with neuron pairs 0 and 1: the output within 0.01 of sin(2πx) at x = 0, 0.125 and 0.25, every other output weight w3_k_0 at 0.</source>
        <translation>用神经元对 0 和 1 搭出正弦的前两段（0 ≤ x ≤ 0.25）：在 x = 0、0.125 和 0.25 处，输出与 sin(2πx) 相差不超过 0.01，其余输出权重 w3_k_0 均为 0。</translation>
    </message>
    <message>
        <source>Copy pair 0: w1_0_1 = 1, b1_1 = −0.125, w2_1_1 = −1, b2_1 = 0.125. Then w3_1_0 sets the second segment&apos;s slope; the output bias b3_0 lifts the curve back.</source>
        <translation>照搬神经元对 0：w1_0_1 = 1，b1_1 = −0.125，w2_1_1 = −1，b2_1 = 0.125。然后用 w3_1_0 设定第二段的斜率；输出偏置 b3_0 把曲线抬回原位。</translation>
    </message>
    <message>
        <source>Kill and revive a neuron: from Hand-tuned, set b1_7 = −1 so layer-1 neuron 7 is 0 for every x (dead: grey in the diagram, no gradient), then bring it back to life without raising b1_7, until the MSE is ≤ 0.01 again.</source>
        <translation>让一个神经元死亡再复活：从“手工调校”出发，设 b1_7 = −1，使第 1 层神经元 7 对每个 x 都输出 0（死亡：在网络图中显示为灰色，没有梯度）；然后在不调高 b1_7 的前提下让它复活，直到 MSE 重新 ≤ 0.01。</translation>
    </message>
    <message>
        <source>A ReLU neuron is dead where w·x + b ≤ 0 for every x. Its kink −b/w = 1 is at the edge: a larger w1_0_7 moves it back inside; w2_7_7 then restores the segment&apos;s width.</source>
        <translation>若对每个 x 都有 w·x + b ≤ 0，ReLU 神经元就死亡了。它的折点 −b/w = 1 位于边缘：增大 w1_0_7 可把折点移回区间内；再用 w2_7_7 恢复这一段的宽度。</translation>
    </message>
    <message>
        <source>Fit the whole sine to MSE ≤ 0.01 by hand: auto-fit off (and not the Hand-tuned preset).</source>
        <translation>手动把整条正弦拟合到 MSE ≤ 0.01：不用自动拟合（也不用“手工调校”预设）。</translation>
    </message>
    <message>
        <source>Add one neuron pair per eighth of the period, as pair 0 does: kink k/8, output weight = the sine&apos;s rise over that eighth × 8. Only counts if auto-fit was not used since you started it.</source>
        <translation>像神经元对 0 那样，每八分之一周期加一对神经元：折点在 k/8，输出权重 = 正弦在这八分之一周期内的升幅 × 8。只有开始此练习后没用过自动拟合才算数。</translation>
    </message>
    <message>
        <source>Start from Zeros. One layer-2 neuron can hold a whole triangle: feed it three layer-1 ramps with kinks at 0, 0.25 and 0.75.</source>
        <translation>从“全零”开始。一个第 2 层神经元就能容纳整个三角波：给它输入三条第 1 层的斜坡，折点分别在 0、0.25 和 0.75。</translation>
    </message>
    <message>
        <source>In the softmax playground, enter the logits 2.0, 1.0, 0.1 (temperature 1) and read their probabilities.</source>
        <translation>在 Softmax 演示中输入 logits 2.0, 1.0, 0.1（温度为 1），读出它们的概率。</translation>
    </message>
    <message>
        <source>Three logits: type them into the spin boxes. Expect about 0.66, 0.24 and 0.10: e^2 : e^1 : e^0.1.</source>
        <translation>三个 logits：把它们输入数值框。结果应约为 0.66、0.24 和 0.10：即 e^2 : e^1 : e^0.1。</translation>
    </message>
    <message>
        <source>Only differences between logits matter: raise logit 2 about ln 18 ≈ 2.89 above two equal others.</source>
        <translation>只有 logits 之间的差值才有意义：让 logit 2 比另外两个相等的 logit 高约 ln 18 ≈ 2.89。</translation>
    </message>
    <message>
        <source>With the logits 2.0, 1.0, 0.1, choose a temperature that gives the top class at least 99 %.</source>
        <translation>在 logits 为 2.0, 1.0, 0.1 时，选一个温度，使概率最大的类别至少得到 99 %。</translation>
    </message>
    <message>
        <source>softmax(z / T): T &lt; 1 stretches the gaps between logits, T &gt; 1 shrinks them towards equal probabilities.</source>
        <translation>softmax(z / T)：T &lt; 1 拉大 logits 之间的差距，T &gt; 1 缩小差距，使概率趋于相等。</translation>
    </message>
    <message>
        <source>Turn on the naive formula and make it overflow, while the max-shifted softmax still gives finite probabilities.</source>
        <translation>打开朴素公式并让它溢出，而减去最大值的 softmax 仍给出有限的概率。</translation>
    </message>
    <message>
        <source>e^x overflows a float above x ≈ 709.78. Subtracting the largest logit first keeps every exponent ≤ 0.</source>
        <translation>x 超过 ≈ 709.78 时，e^x 会超出浮点数的范围（溢出）。先减去最大的 logit，可让每个指数都 ≤ 0。</translation>
    </message>
    <message>
        <source>Read f′ to find where learning stalls: with at most 10 sigmoid layers, choose the chain&apos;s input so that less than 10⁻⁸ of the gradient reaches it.</source>
        <translation>读 f′ 找出学习停滞的地方：在至多 10 层 sigmoid 的条件下，选择层链的输入，使传到输入的梯度不足输出梯度的 10⁻⁸。</translation>
    </message>
    <message>
        <source>σ′ is largest at 0 (0.25) and nearly 0 for large |x|: the neuron saturates. Look at the derivative curve, then move the input far from 0.</source>
        <translation>σ′ 在 0 处最大（0.25），|x| 较大时几乎为 0：神经元饱和了。先看导数曲线，再把输入移到远离 0 的地方。</translation>
    </message>
    <message>
        <source>With per-sample updates, find a learning rate that reaches loss ≤ 0.05 within 20 epochs.</source>
        <translation>在逐样本更新下，找一个能在 20 轮内把损失降到 ≤ 0.05 的学习率。</translation>
    </message>
    <message>
        <source>Too small creeps, too large overshoots and bounces: between them is a best learning rate. Try values between 0.1 and 10.</source>
        <translation>太小进展缓慢，太大会冲过头、来回震荡：两者之间有一个最佳学习率。试试 0.1 到 10 之间的值。</translation>
    </message>
    <message>
        <source>Switch to full-batch updates and reach loss ≤ 0.05 within 100 epochs.</source>
        <translation>切换到全批量更新，在 100 轮内把损失降到 ≤ 0.05。</translation>
    </message>
    <message>
        <source>Full batch makes one update per epoch instead of one per bean: at lr = 1 it hardly moves. It needs a far larger learning rate.</source>
        <translation>全批量每轮只更新一次，而不是每颗豆豆更新一次：lr = 1 时几乎不动，需要大得多的学习率。</translation>
    </message>
    <message>
        <source>With the post&apos;s 2-3-3 network, reach 40 % accuracy on the spiral by hand (without Train).</source>
        <translation>用原文的 2-3-3 网络，手动（不用“训练”）在螺旋数据上达到 40 % 的准确率。</translation>
    </message>
    <message>
        <source>Randomise for bigger weights, then move one ReLU line at a time and watch the accuracy.</source>
        <translation>先随机化得到更大的权重，然后每次移动一条 ReLU 线，观察准确率。</translation>
    </message>
    <message>
        <source>With the post&apos;s 2-3-3 network, reach 50 % accuracy on the spiral by hand (without Train) — more than training reaches.</source>
        <translation>用原文的 2-3-3 网络，手动（不用“训练”）在螺旋数据上达到 50 % 的准确率——比训练能达到的还高。</translation>
    </message>
    <message>
        <source>Training the 2-3-3 network stalls below 50 %. Give each class its own ReLU line and turn the output weights so each line votes for one arm.</source>
        <translation>训练 2-3-3 网络会停滞在 50 % 以下。给每个类别一条自己的 ReLU 线，并调整输出权重，让每条线为一条螺旋臂投票。</translation>
    </message>
    <message>
        <source>Train the spiral classifier to ≥ 90 % accuracy by choosing the hidden size.</source>
        <translation>通过选择隐藏层大小，把螺旋分类器训练到 ≥ 90 % 的准确率。</translation>
    </message>
    <message>
        <source>Three hidden neurons are too few: raise the hidden width (32? 48? 64?), then train.</source>
        <translation>三个隐藏神经元太少了：增大隐藏层宽度（32？48？64？），然后训练。</translation>
    </message>
</context>
</TS>
