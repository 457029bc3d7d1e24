using HaiHau.InfoBot.Host.Tests.WebChat;

namespace HaiHau.InfoBot.Host.Tests.Privacy;

/// <summary>
/// «Xóa dữ liệu của tôi» erases from the files, not only from the rows (issue 14: the text was found 53 times in the
/// WAL and the chat id in free pages): the database file and its WAL are scanned byte by byte after the erase.
/// </summary>
public sealed class EraseLeavesNoBytesTests : HostTestBase
{
    private const string Secret = "Nguyễn Thị Bí Mật Số 7 xóm Đông";

    [Fact]
    public async Task After_an_erase_neither_the_words_nor_the_chat_id_are_anywhere_in_the_database_files()
    {
        await using var app = NewApp();
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        for (var i = 0; i < 5; i++)
        {
            await chat.SendAsync(id, text: $"{Secret} lần {i}");
        }

        Assert.NotEmpty(Find(Secret)); // the control: before the erase the words are on disk

        await chat.SendAsync(id, text: "xóa dữ liệu của tôi");
        await chat.SendAsync(id, choice: "yes");

        Assert.Empty(Find(Secret));
        Assert.Empty(Find(id));
    }

    private List<string> Find(string text) => DatabaseFiles.Find(Folder, text);
}
