using HaiHau.InfoBot.Host.Answerer;
using HaiHau.InfoBot.TestKit.OpenAi;

namespace HaiHau.InfoBot.Host.Tests.Answerer;

/// <summary>
/// The composer through Semantic Kernel's OpenAI connector against the fake endpoint: grounded answers go out with
/// their sources, tool calls reach the bot's own functions, and every bad reply (an invented number, a repealed
/// decree, 429, 5xx, malformed JSON, no answer at all) ends as something the worker can fall back from.
/// </summary>
public sealed class AnswerComposerTests
{
    public const string Grounded =
        "Dạ, người thuộc hộ cận nghèo nay được quỹ bảo hiểm y tế trả 100% chi phí khám chữa bệnh trong phạm vi được hưởng. "
        + "Nếu nơi khám vẫn thu tiền, bác hỏi cơ quan Bảo hiểm xã hội kiểm tra lại thẻ.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_grounded_answer_is_composed_and_ends_with_its_sources(bool stream)
    {
        await using var rig = await ComposerRig.StartAsync(stream);
        rig.Fake.Script(new FakeModelReply.Text(Grounded));

        var result = await rig.ComposeAsync();

        Assert.Equal(CompositionStatus.Composed, result.Status);
        Assert.StartsWith(Grounded + "\n\nNguồn: hỏi đáp «Hộ cận nghèo đi khám bây giờ được bảo hiểm trả bao nhiêu phần trăm?»", result.Text, StringComparison.Ordinal);
        var request = Assert.Single(rig.Fake.Requests);
        Assert.Equal("fake-model", request["model"]!.GetValue<string>());
        Assert.Equal(stream, request["stream"]?.GetValue<bool>() == true);
        var prompt = request["messages"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("100%", prompt, StringComparison.Ordinal); // today's value of the fact the entry uses
        Assert.Contains("KHÔNG_ĐỦ", prompt, StringComparison.Ordinal); // the rules of content/answerer/he-thong.md
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_model_may_call_the_screener_and_then_state_what_it_worked_out(bool stream)
    {
        await using var rig = await ComposerRig.StartAsync(stream);
        rig.Fake.Script(
            new FakeModelReply.ToolCall("haihau-uoc_tinh_ho_ngheo", """{"soNguoi": 4, "thuNhapThang": 3000000}"""),
            new FakeModelReply.Text("Nhà bác 4 người, thu nhập bình quân 750.000 đồng/người/tháng, thấp hơn chuẩn nghèo 1.500.000 đồng."));

        var result = await rig.ComposeAsync("Nhà tôi 4 người, thu nhập 3 triệu một tháng thì có được hộ cận nghèo không?");

        Assert.Equal(CompositionStatus.Composed, result.Status);
        Assert.Equal(2, rig.Fake.Requests.Count);
        var toolResult = rig.Fake.Requests[1]["messages"]!.AsArray().Last()!;
        Assert.Equal("tool", toolResult["role"]!.GetValue<string>());
        Assert.StartsWith("Thu nhập bình quân 750.000 đồng/người/tháng; chuẩn nghèo 1.500.000 đồng", toolResult["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invented_number_is_rejected()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.Script(new FakeModelReply.Text("Hộ cận nghèo được hỗ trợ thêm 4.321.000 đồng mỗi lần đi khám."));

        var result = await rig.ComposeAsync();

        Assert.Equal(CompositionStatus.Rejected, result.Status);
        Assert.Equal(["number:4.321.000"], result.Problems);
        Assert.Equal(1, rig.State.Rejected);
    }

    [Fact]
    public async Task A_reply_citing_a_repealed_decree_is_rejected()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.Script(new FakeModelReply.Text("Theo Nghị định 146/2018/NĐ-CP, hộ cận nghèo được trả 100% chi phí."));

        var result = await rig.ComposeAsync();

        Assert.Equal(CompositionStatus.Rejected, result.Status);
        Assert.Contains("repealed:Nghị định 146/2018/NĐ-CP", result.Problems);
    }

    [Fact]
    public async Task When_the_entries_do_not_answer_the_model_declines()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.Script(new FakeModelReply.Text("KHÔNG_ĐỦ"));

        Assert.Equal(CompositionStatus.Declined, (await rig.ComposeAsync()).Status);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_retried()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.Script(new FakeModelReply.Status(429, RetryAfterSeconds: 0), new FakeModelReply.Text(Grounded));

        var result = await rig.ComposeAsync();

        Assert.Equal(CompositionStatus.Composed, result.Status);
        Assert.Equal(2, rig.Fake.Requests.Count);
    }

    [Theory]
    [InlineData(500, "http 500")]
    [InlineData(429, "http 429")]
    public async Task A_server_that_keeps_failing_gives_up_after_the_retries(int status, string error)
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.WhenEmpty = new FakeModelReply.Status(status);

        var result = await rig.ComposeAsync();

        Assert.Equal((CompositionStatus.Failed, error), (result.Status, result.Error));
        Assert.Equal(1 + AnswererSetup.MaxRetries, rig.Fake.Requests.Count);
        Assert.Equal(AnswererState.Failing, rig.State.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Malformed_json_fails_without_throwing(bool stream)
    {
        await using var rig = await ComposerRig.StartAsync(stream);
        rig.Fake.Script(new FakeModelReply.Malformed());

        var result = await rig.ComposeAsync();

        Assert.Equal(CompositionStatus.Failed, result.Status);
        Assert.Equal(AnswererState.Failing, rig.State.State);
    }

    [Fact]
    public async Task A_model_that_never_answers_is_cut_off_when_the_hold_ends()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.Script(new FakeModelReply.Hang());
        using var hold = new CancellationTokenSource(TimeSpan.FromSeconds(20), rig.Time);

        var composing = rig.ComposeAsync(ct: hold.Token);
        rig.Time.Advance(TimeSpan.FromSeconds(20));

        var result = await composing.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal((CompositionStatus.Failed, "timeout"), (result.Status, result.Error));
    }

    [Fact]
    public async Task Only_the_question_goes_out_with_phone_and_id_numbers_blanked()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.Script(new FakeModelReply.Text(Grounded));

        await rig.ComposeAsync("Tôi là Lan, số 0912 345 678, căn cước 036185001234. Hộ cận nghèo đi khám được trả bao nhiêu phần trăm?");

        var sent = rig.Fake.Requests[0].ToJsonString();
        Assert.DoesNotContain("0912", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("036185001234", sent, StringComparison.Ordinal);
        Assert.Contains("[số]", rig.Fake.Requests[0]["messages"]!.AsArray().Last()!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(rig.Fake.Requests[0]["user"]); // no chat or user id
    }

    [Fact]
    public async Task Repeated_outages_open_the_circuit_and_then_calls_stop_reaching_the_endpoint()
    {
        await using var rig = await ComposerRig.StartAsync();
        rig.Fake.WhenEmpty = new FakeModelReply.Status(503);

        await rig.ComposeAsync();
        await rig.ComposeAsync();
        var calls = rig.Fake.Requests.Count;
        var refused = await rig.ComposeAsync();

        Assert.Equal(AnswererState.CircuitOpen, rig.State.State);
        Assert.Equal((CompositionStatus.Failed, AnswererState.CircuitOpen), (refused.Status, refused.Error));
        Assert.Equal(calls, rig.Fake.Requests.Count);
    }
}
