using BenchmarkDotNet.Attributes;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Understanding;

/// <summary>
/// Reading one free-text question (normalise, classify, pick the answer) on the repository's content: the target is
/// a median of at most 1 ms. Also the whole engine turn around it, and training at start-up.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ClassifierBenchmarks
{
    private BotData _data = null!;
    private QuestionUnderstanding _understanding = null!;
    private DialogEngine _engine = null!;
    private ConversationState _atMenu = null!;
    private InboundMessage _question = null!;

    [Params(
        "ho can ngheo co duoc bhyt ko",
        "Nhà tôi 5 người, thu nhập mỗi tháng khoảng 6 triệu thì có được xét hộ nghèo không ạ?",
        "e muốn vay 50tr nuôi lợn thì lãi suất bn 1 tháng, có cần sổ đỏ k")]
    public string Text { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _data = BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content).EnsureValid();
        _understanding = _data.Questions;
        _engine = new DialogEngine(new DialogServices(_data.Content, _data.Dialogs, TimeProvider.System, new EngineOptions(), Understanding: _understanding));
        var from = new ConversationRef("web", "bench", "bench");
        _atMenu = _engine.RunTurn(new ConversationState(), new InboundMessage(from, "m", DateTimeOffset.UnixEpoch, null, null, IsStart: true)).State;
        _question = new InboundMessage(from, "m", DateTimeOffset.UnixEpoch, Text, null);

        // Measure the answer path, not a fallback: each text must be understood and answered.
        if (_understanding.Understand(Text).Decision != QuestionDecision.Answer)
        {
            throw new InvalidOperationException($"\"{Text}\" is not answered; the benchmark would measure the wrong path");
        }
    }

    [Benchmark(Description = "Understand(text)")]
    public UnderstoodQuestion Understand() => _understanding.Understand(Text);

    [Benchmark(Description = "engine turn: question typed at the menu")]
    public TurnResult Turn() => _engine.RunTurn(_atMenu, _question);
}

/// <summary>Training from content/understanding and content/faq, paid once at start-up.</summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private BotData _data = null!;

    [GlobalSetup]
    public void Setup() => _data = BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content).EnsureValid();

    [Benchmark(Description = "QuestionUnderstanding.Build (start-up)")]
    public QuestionUnderstanding Train() => QuestionUnderstanding.Build(_data.Understanding, _data.Content.Articles);
}
