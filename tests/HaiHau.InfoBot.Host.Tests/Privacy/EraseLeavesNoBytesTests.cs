using System.Text;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage.Operations;

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

    /// <summary>
    /// The database files (main, WAL, shared memory) holding <paramref name="text"/> as UTF-8 or UTF-16. The running
    /// host's lock file (issue 19) is skipped: it is held exclusively and is always empty, so it can hold no data.
    /// </summary>
    private List<string> Find(string text)
    {
        var found = new List<string>();
        var lockFile = DatabaseLock.PathFor(Path.Combine(Folder.Path, "infobot.db"));
        Assert.True(!File.Exists(lockFile) || new FileInfo(lockFile).Length == 0, "the lock file holds bytes"); // stat only: it is locked
        foreach (var file in Directory.GetFiles(Folder.Path, "infobot.db*").Where(f => Path.GetFullPath(f) != lockFile))
        {
            byte[] bytes;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
            {
                if (bytes.AsSpan().IndexOf(encoding.GetBytes(text)) >= 0)
                {
                    found.Add($"{Path.GetFileName(file)} ({encoding.WebName})");
                }
            }
        }

        return found;
    }
}
