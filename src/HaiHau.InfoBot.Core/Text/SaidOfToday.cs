namespace HaiHau.InfoBot.Core.Text;

/// <summary>
/// «năm ngoái thì 5 triệu, giờ ông ốm chả được bao», «năm ngoái được 5 triệu, năm nay thì 4 triệu»: a reply that tells
/// another time first and then today. What counts for an estimate of today is only what follows the word for now.
/// </summary>
public static class SaidOfToday
{
    private static readonly string[] Then = [" nam ngoai ", " nam truoc ", " truoc day ", " hoi truoc ", " truoc kia ", " ngay truoc "];
    private static readonly string[] Now = [" gio ", " bay gio ", " nam nay ", " hien gio ", " hien nay ", " dao nay "];

    /// <summary>The folded words said of today, when the text sets another time before them; null when it does not.</summary>
    public static string? Part(string? text)
    {
        var padded = " " + VietnameseText.Fold(text) + " ";
        var then = Then.Select(w => padded.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        var now = Now.Select(w => padded.LastIndexOf(w, StringComparison.Ordinal)).Max();
        return then >= 0 && now > then ? padded[now..].Trim() : null;
    }
}
