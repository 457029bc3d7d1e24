using HaiHau.InfoBot.Channels.Telegram;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Host.Tests.Telegram;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Records;
using HaiHau.InfoBot.TestKit;
using HaiHau.InfoBot.TestKit.OpenAi;
using HaiHau.InfoBot.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// The Core transcripts where a resident types questions that FAQ entries answer (they run with the answerer off in
/// TranscriptTests), replayed on Telegram through the real host twice: with the answerer off (the reference) and on,
/// the fake model composing. Every reply keeps its buttons, the conversation ends in the same state, composed answers
/// carry their sources, and the first question's reply, scripted not grounded, goes out as the retrieval text, verbatim.
/// </summary>
[Scheduling.LongRunning(8)]
public sealed class AnswererTranscriptTests : HostTestBase
{
    private const long Lan = 123456789;

    /// <summary>States nothing the guard could reject (no number, date, act or office), so it is grounded on any entry.</summary>
    private const string Composed = "Dạ, cháu soạn lại cho bác từ nội dung hỏi đáp của chương trình: bác đọc kỹ phần nguồn ghi dưới đây, chỗ nào chưa rõ bác hỏi lại cháu nhé.";

    /// <summary>An amount no entry states: the guard must discard it.</summary>
    private const string Ungrounded = "Dạ, nhà bác được hỗ trợ 4.321.000 đồng mỗi tháng.";

    private static readonly string Transcripts = Path.Combine(RepoPaths.Root, "tests", "HaiHau.InfoBot.Core.Tests", "Transcripts");

    [Theory]
    [InlineData("menu.cau-hoi-co-dau.chat", true)]
    [InlineData("menu.cau-hoi-khong-dau.chat", true)]
    [InlineData("bhyt.cau-hoi-giua-chung.chat", true)]
    [InlineData("menu.cau-hoi-khong-dau.chat", false)] // every question for the model: composed
    public async Task A_transcript_goes_the_same_way_with_composed_answers_in_place_of_the_retrieval_ones(string file, bool firstUngrounded)
    {
        var inputs = Transcript.ReadInputs(await File.ReadAllTextAsync(Path.Combine(Transcripts, file)));
        await using var model = await FakeOpenAiServer.StartAsync();
        if (firstUngrounded)
        {
            model.Script(new FakeModelReply.Text(Ungrounded));
        }

        model.WhenEmpty = new FakeModelReply.Text(Composed);

        // The same host and channel without the answerer is the reference: the transcript's replies on Telegram.
        var (offTurns, _, offState) = await ReplayAsync(inputs, "off.db", string.Empty, null);
        Assert.Empty(model.Requests); // off: nothing went anywhere
        var composedIn = new List<long>();
        var typedIn = new List<long>();
        var (onTurns, events, onState) = await ReplayAsync(inputs, "on.db", model.Endpoint, (rig, turn) =>
        {
            var (input, inbox, said) = turn;
            var expected = offTurns[turn.Index].Replies;
            if (input.Kind == "start")
            {
                Assert.Contains("mô hình ngôn ngữ", said[1].Text, StringComparison.Ordinal); // the greeting's notice (AnswererNoticeTests)
                said.RemoveAt(1);
            }

            if (input.Kind == "user")
            {
                typedIn.Add(inbox);
            }

            if (said.Count == expected.Count + 1 && said[^1].Text.Contains("mô hình ngôn ngữ", StringComparison.Ordinal))
            {
                said.RemoveAt(said.Count - 1); // a question typed before any greeting: told after its answer (AnswererNoticeTests)
            }

            Assert.True(expected.Count == said.Count, $"{input.Kind}: {input.Argument} →\n{string.Join("\n---\n", said.Select(r => r.Text))}");
            for (var i = 0; i < said.Count; i++)
            {
                Assert.Equal(Labels(expected[i]), Labels(said[i])); // the ways on stay
                Assert.Equal(OutboxStatus.Sent, said[i].Status);
                if (said[i].Text == expected[i].Text)
                {
                    continue; // not composed: the retrieval text, verbatim
                }

                // The retrieval answer starts with its entry's question; the composed one names that entry as its source.
                Assert.Equal("user", input.Kind);
                Assert.StartsWith(Composed + "\n\nNguồn: ", said[i].Text, StringComparison.Ordinal);
                Assert.True(said[i].Text.Contains($"«{expected[i].Text.Split('\n')[0]}»", StringComparison.Ordinal), $"{expected[i].Text}\n→\n{said[i].Text}");
                Assert.Contains(rig.DeliveredTo(Lan), m => FakeTelegramHtml.Parse(m.Text!) == said[i].Text); // what Lan read
                composedIn.Add(inbox);
            }
        });

        Assert.Equal(offTurns.Count, onTurns.Count);
        // The conversation ends where it ends without the answerer, but for the greeting's note that it told the resident.
        Assert.Equal(offState, WithoutNoticeNote(onState));
        Assert.NotEmpty(composedIn);
        Assert.Equal(composedIn, events.Where(e => e.Kind == EventKinds.AnswerComposed.Name).Select(e => e.InboxId!.Value).Order());
        Assert.Equal(composedIn.Count + (firstUngrounded ? 1 : 0), model.Requests.Count); // only typed questions answered by an entry went out
        if (!firstUngrounded)
        {
            Assert.DoesNotContain(events, e => e.Kind == EventKinds.AnswerRejected.Name);
            return;
        }

        // The first question sent to the model got the ungrounded reply: its retrieval answer went out verbatim (above).
        var rejected = Assert.Single(events, e => e.Kind == EventKinds.AnswerRejected.Name).InboxId!.Value;
        Assert.Contains(rejected, typedIn);
        Assert.DoesNotContain(rejected, composedIn);
        Assert.True(composedIn.All(i => i > rejected));
    }

    private sealed record Turn(int Index, Transcript.Step Input, long Inbox, List<OutboxRecord> Replies)
    {
        public void Deconstruct(out Transcript.Step input, out long inbox, out List<OutboxRecord> replies) => (input, inbox, replies) = (Input, Inbox, Replies);
    }

    /// <summary>
    /// Replays a transcript's inputs on Telegram in a host of its own (the answerer on when <paramref name="endpoint"/> is
    /// set), checking each turn with <paramref name="check"/>; returns the turns, the events and the conversation's end state.
    /// </summary>
    private async Task<(List<Turn> Turns, List<TurnEventRecord> Events, string State)> ReplayAsync(
        IReadOnlyList<Transcript.Step> inputs, string database, string endpoint, Action<TelegramRig, Turn>? check)
    {
        // The transcript's opening date is the host's clock from the start: jumping years on a running host would fire
        // its periodic timers once per period in between.
        var clock = InfoBotApp.NewClock();
        var opening = inputs.TakeWhile(step => Transcript.MoveClock(clock, step)).Count();
        await using var rig = await TelegramRig.StartAsync(Folder.SqliteConnectionString(database), TelegramMode.Webhook, clock, new Dictionary<string, string?>
        {
            ["InfoBot:Answerer:Endpoint"] = endpoint,
            ["InfoBot:Answerer:Model"] = "fake-model",
            ["InfoBot:Answerer:RetryDelay"] = "00:00:00",
        });
        var lan = new FakeTelegramUser(Lan);
        var turns = new List<Turn>();
        foreach (var input in inputs.Skip(opening))
        {
            Assert.False(input.Kind is "restart" or "import" or "date", "pick transcripts a Telegram host can replay");
            if (Transcript.MoveClock(rig.Time, input))
            {
                continue; // a wait
            }

            var (inbox, said) = await SayAsync(rig, lan, input);
            var turn = new Turn(turns.Count, input, inbox, said);
            check?.Invoke(rig, turn);

            turns.Add(turn);
        }

        await using var db = await rig.Db();
        var events = await db.TurnEvents.AsNoTracking().ToListAsync();
        return (turns, events, (await rig.ConversationAsync(Lan))!.StateJson);
    }

    private static string WithoutNoticeNote(string stateJson)
    {
        var state = StateSerializer.Deserialize(stateJson);
        Assert.True(state.Vars.Remove(Core.Messaging.ModelAssistedChannels.NoticeShownVariable));
        return StateSerializer.Serialize(state);
    }

    private static IEnumerable<string> Labels(OutboxRecord reply) => StateSerializer.DeserializeChoices(reply.ChoicesJson).Select(c => c.Label);

    /// <summary>Sends one input as Lan's Telegram app would and returns the turn's replies as stored, once all are settled.</summary>
    private static async Task<(long Inbox, List<OutboxRecord> Replies)> SayAsync(TelegramRig rig, FakeTelegramUser lan, Transcript.Step input)
    {
        var update = input.Kind switch
        {
            "start" => lan.Text(input.Argument.Length > 0 ? $"/start {input.Argument}" : "/start"),
            "user" when input.Argument.Length == 0 => lan.Sticker(),
            "user" => lan.Text(input.Argument),
            "press" => lan.Press(input.Argument, rig.DeliveredTo(Lan).Last(m => m.ButtonData.Contains(input.Argument)).MessageId),
            _ => throw new InvalidOperationException($"a Telegram resident cannot do \"{input.Kind}\""),
        };
        var stored = await rig.DeliverAsync(update);
        await rig.SettledAsync(stored.InboxId);
        return (stored.InboxId, (await rig.OutboxAsync(Lan)).Where(o => o.InboxId == stored.InboxId).OrderBy(o => o.Sequence).ToList());
    }
}
