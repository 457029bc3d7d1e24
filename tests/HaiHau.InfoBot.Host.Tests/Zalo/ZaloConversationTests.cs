using HaiHau.InfoBot.Core.Channels;
using HaiHau.InfoBot.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace HaiHau.InfoBot.Host.Tests.Zalo;

/// <summary>A resident on Zalo does what the web chat allows: menu, a topic, its answer, by number or by words.</summary>
public sealed class ZaloConversationTests : HostTestBase
{
    [Fact]
    public async Task Following_the_OA_greets_and_shows_the_menu_as_a_numbered_list()
    {
        await using var bed = await ZaloBed.StartAsync(Folder);

        var sends = await bed.ConverseAsync(bed.Payload("follow.json"), replies: 2);

        Assert.All(sends, s => Assert.IsType<SendResult.Sent>(s.Result));
        var sent = bed.Zalo.Sent;
        Assert.Equal(2, sent.Count);
        Assert.All(sent, s => Assert.Equal(ZaloBed.Resident, s.UserId));
        Assert.StartsWith("Chào bác!", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("1. Tôi có thuộc hộ nghèo không?", sent[1].Text, StringComparison.Ordinal);
        Assert.Contains("2. Bảo hiểm y tế", sent[1].Text, StringComparison.Ordinal);
    }
}
