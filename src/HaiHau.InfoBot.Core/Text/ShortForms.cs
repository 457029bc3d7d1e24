namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// Short forms younger relatives type for whole words («lm» làm, «hđ» hợp đồng, «đk» đăng ký, «ng» người, «tb» trung
/// bình), written out in folded text so that the phrases a dialog lists («làm muối», «không có hợp đồng») match them. Only
/// short forms that mean one word everywhere; «k», «ko» are listed by the phrases themselves.
/// </summary>
public static class ShortForms
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["lm"] = "lam", ["hd"] = "hop dong", ["dk"] = "dang ky", ["ng"] = "nguoi", ["tb"] = "trung binh", ["vs"] = "voi",
        ["vc"] = "vo chong", ["tv"] = "ti vi", ["dt"] = "dien thoai", ["j"] = "gi", ["ntn"] = "nhu the nao", ["bn"] = "bao nhieu",
    };

    /// <summary>The folded text with its short forms written out; the text itself when it has none.</summary>
    public static string WrittenOut(string folded) =>
        folded.Split(' ').Any(Words.ContainsKey) ? string.Join(' ', folded.Split(' ').Select(w => Words.GetValueOrDefault(w, w))) : folded;
}
