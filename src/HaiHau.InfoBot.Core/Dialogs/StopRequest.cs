using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// Whether a sentence plainly asks the bot to stop sending messages: a stop word right before what is stopped («dừng
/// nhận», «đừng gửi», «hủy đăng ký», «tắt thông báo», «không muốn nhận»). The understanding reads stopping from words as
/// well as phrases, and stopping withdraws consent to every announcement and listing news at once: «tôi không biết dùng
/// điện thoại nhắn tin» (I cannot text) was read as stopping, and the resident silently lost the job news. A sentence
/// read as stopping without such words is asked first (<see cref="DialogEngine"/>); the commands «dừng», «hủy đăng ký»
/// and the «Dừng nhận tin» button stop at once, as before.
/// </summary>
internal static class StopRequest
{
    // Folded: «dừng», «đừng» and «dùng» fold alike, so «dung» counts only right before «nhận», «gửi», «nhắn», «làm phiền».
    private static readonly string[] Phrases =
    [
        "dung nhan", "dung gui", "dung lam phien", "ngung nhan", "ngung gui", "huy dang ky", "huy nhan", "huy theo doi",
        "tat nhan", "tat thong bao", "tat tin", "bo nhan", "bo theo doi", "rut dang ky", "khong nhan", "khong muon nhan",
        "thoi nhan", "thoi gui",
        // «không cần gửi tin cho tôi», «bà không cần tin nhắn nữa», «thôi khỏi gửi tin»: no need of the messages, said plainly.
        "khong can gui", "khong can tin", "khong can nhan tin", "khoi gui",
    ];

    // «không nhận được tin» is a complaint that the news did not come, not a wish to stop it.
    private static readonly string[] NotStopping = ["khong nhan duoc", "khong nhan dc"];

    // What the bot sends, named by the resident: «tin nhắn», «thông báo», «tin».
    private static readonly string[] TheMessages = ["tin", "tin nhan", "thong bao"];

    // Too many of them, or not read: «nhiều quá», «mệt quá», «không xem», «nhiều tin quá».
    private static readonly string[] Complaints =
    [
        "nhieu qua", "qua nhieu", "nhieu the", "lam qua", "met qua", "phien qua", "phien lam", "khong xem", "khong doc",
        "nhieu tin qua", "nhieu tin nhan qua", "nhieu thong bao qua",
    ];

    // «không đọc được tin nhắn», «không xem được»: cannot read them (who can help), not a wish for fewer.
    private static readonly string[] CannotRead = ["khong doc duoc", "khong doc dc", "khong xem duoc", "khong xem dc"];

    // Somebody else's messages: «tin nhắn lừa đảo nhiều quá», «số lạ nhắn tin», «quảng cáo» are no complaint about the bot's.
    private static readonly string[] OtherSenders = ["lua dao", "quang cao", "so la", "tin rac"];

    /// <summary>
    /// Whether a sentence complains of the bot's messages, too many or not read («tin nhắn nhiều quá bà đọc không hết»,
    /// «bà không xem tin nhắn đâu»): not a plain wish to stop, but one to ask about (<see cref="DialogEngine.StopCheck"/>).
    /// Read as a question, such a sentence got an "I don't know" with the scam warning and the orphans' allowance as buttons.
    /// </summary>
    public static bool IsComplaint(string? text)
    {
        var padded = " " + VietnameseText.Fold(text) + " ";
        foreach (var cannot in CannotRead)
        {
            padded = padded.Replace(" " + cannot + " ", " ", StringComparison.Ordinal);
        }

        bool Has(string phrase) => padded.Contains(" " + phrase + " ", StringComparison.Ordinal);
        return TheMessages.Any(Has) && Complaints.Any(Has) && !OtherSenders.Any(Has);
    }

    public static bool IsPlain(string? text)
    {
        var padded = " " + VietnameseText.Fold(text) + " ";
        foreach (var phrase in NotStopping)
        {
            padded = padded.Replace(" " + phrase + " ", " ", StringComparison.Ordinal);
        }

        return Phrases.Any(p => padded.Contains(" " + p + " ", StringComparison.Ordinal));
    }
}
