using BenchmarkDotNet.Attributes;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Benchmarks.Engine;

/// <summary>
/// One engine turn on the real dialogs, without storage or HTTP: the floor under every web chat turn.
/// No shipped dialog has an ask_number, so the number case measures <see cref="VietnameseNumber.Parse"/> alone.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly ConversationRef From = new("web", "bench", "bench");

    private readonly string _amount = "2 triệu rưỡi";

    private DialogEngine _engine = null!;
    private ConversationState _atMenu = null!;
    private ConversationState _atKindOfHousehold = null!;
    private InboundMessage _pressBhyt = null!;
    private InboundMessage _typeBhyt = null!;
    private InboundMessage _pressNgheo = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = BotDataLoader.Load(RepoPaths.Dialogs, RepoPaths.Content).EnsureValid();
        _engine = new DialogEngine(new DialogServices(data.Content, data.Dialogs, TimeProvider.System, new EngineOptions(), Understanding: data.Questions));
        _atMenu = _engine.RunTurn(new ConversationState(), Message(null, null, isStart: true)).State;
        _pressBhyt = Message(null, "bhyt");
        _typeBhyt = Message("bao hiem y te", null);
        _pressNgheo = Message(null, "ngheo");
        _atKindOfHousehold = _engine.RunTurn(_atMenu, _pressBhyt).State;

        // A benchmark that silently measured the retry path would be worse than none: check each lands where meant.
        Expect(_engine.RunTurn(_atMenu, _pressBhyt), "bhyt", "hoi-dien");
        Expect(_engine.RunTurn(_atMenu, _typeBhyt), "bhyt", "hoi-dien");
        Expect(_engine.RunTurn(_atKindOfHousehold, _pressNgheo), "bhyt", "hoi-quyen-loi");
        if (VietnameseNumber.Parse(_amount) != 2_500_000m)
        {
            throw new InvalidOperationException("VietnameseNumber.Parse(\"2 triệu rưỡi\") is not 2,500,000");
        }
    }

    [Benchmark(Description = "menu: press 'bhyt'")]
    public TurnResult PressChoice() => _engine.RunTurn(_atMenu, _pressBhyt);

    [Benchmark(Description = "menu: type 'bao hiem y te'")]
    public TurnResult TypeWords() => _engine.RunTurn(_atMenu, _typeBhyt);

    [Benchmark(Description = "bhyt: press 'ngheo' (article)")]
    public TurnResult PressShowingArticle() => _engine.RunTurn(_atKindOfHousehold, _pressNgheo);

    [Benchmark(Description = "VietnameseNumber.Parse('2 triệu rưỡi')")]
    public decimal? ParseNumber() => VietnameseNumber.Parse(_amount);

    private static InboundMessage Message(string? text, string? payload, bool isStart = false) =>
        new(From, "m", DateTimeOffset.UnixEpoch, text, payload, isStart);

    private static void Expect(TurnResult result, string dialogId, string nodeId)
    {
        var top = result.State.Stack.LastOrDefault();
        if (top is null || top.DialogId != dialogId || top.NodeId != nodeId || !top.Waiting)
        {
            throw new InvalidOperationException($"expected to wait at {dialogId}/{nodeId}, got {top?.DialogId}/{top?.NodeId}");
        }
    }
}
