using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

public enum GlobalCommand
{
    Menu,
    Back,
    Cancel,
    Handoff,
    Erase,
    OptOut,
    Goodbye,
}

/// <summary>
/// Words that work from anywhere: "menu", "quay lại", "hủy", "gặp cán bộ". A whole message must be the command
/// (after folding), so "tôi muốn thôi việc" is a sentence, not "thôi".
/// </summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Phrases = Build();

    public static GlobalCommand? Recognise(string? text, string? payload)
    {
        if (payload is not null && Enum.TryParse<GlobalCommand>(payload, ignoreCase: true, out var byButton)
            && Enum.IsDefined(byButton))
        {
            return byButton;
        }

        var folded = VietnameseText.Fold(text);
        return Phrases.TryGetValue(folded, out var command) ? command : AsksForAnOfficer(folded) ? GlobalCommand.Handoff : null;
    }

    // Said around «gặp cán bộ» by people asking politely: «cho tôi gặp cán bộ xã», «thôi cháu cho tôi nói chuyện với cán bộ».
    private static readonly HashSet<string> Courtesy = new(StringComparer.Ordinal)
    {
        "cho", "toi", "em", "bac", "chau", "minh", "muon", "xin", "duoc", "a", "nhe", "nha", "voi", "thoi", "oi", "giup", "de", "can", "xa", "o", "di", "the", "vay", "lam", "on",
    };

    /// <summary>
    /// A request for an officer in a few polite words around the command: the whole message was the command before, so
    /// «cho tôi gặp cán bộ xã» was taken as a wrong answer to the waiting question and asked again.
    /// </summary>
    private static bool AsksForAnOfficer(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 10)
        {
            return false;
        }

        // Courtesy words are dropped only around the command, so «cán bộ» stays whole and «với» inside «nói chuyện với cán bộ» stays too.
        var padded = " " + folded + " ";
        foreach (var (phrase, command) in Phrases)
        {
            if (command != GlobalCommand.Handoff || phrase.Contains('/', StringComparison.Ordinal) || !padded.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = padded.Replace(" " + phrase + " ", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (rest.All(Courtesy.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Buttons that trigger commands; their ids are the command names, understood in any state.</summary>
    public static IReadOnlyList<QuickReply> Buttons(params GlobalCommand[] commands) =>
        commands.Select(c => new QuickReply(c.ToString().ToLowerInvariant(), Label(c))).ToList();

    public static string Label(GlobalCommand command) => command switch
    {
        GlobalCommand.Menu => "Về menu chính",
        GlobalCommand.Back => "Quay lại",
        GlobalCommand.Cancel => "Hủy",
        GlobalCommand.Erase => "Xóa dữ liệu của tôi",
        GlobalCommand.OptOut => "Dừng nhận tin",
        GlobalCommand.Goodbye => "Chào tạm biệt",
        _ => "Gặp cán bộ",
    };

    private static Dictionary<string, GlobalCommand> Build()
    {
        var table = new (GlobalCommand Command, string[] Phrases)[]
        {
            (GlobalCommand.Menu, ["menu", "/menu", "start", "/start", "bắt đầu", "bắt đầu lại", "về menu", "về menu chính", "menu chính", "danh mục", "trang chủ", "mục lục"]),
            (GlobalCommand.Back, ["quay lại", "trở lại", "lùi lại", "back", "/back", "quay lai buoc truoc"]),
            (GlobalCommand.Cancel, ["hủy", "huỷ", "thôi", "dừng lại", "thôi không hỏi nữa", "cancel", "/cancel", "hủy bỏ", "thoát"]),
            (GlobalCommand.Erase, ["xóa dữ liệu của tôi", "xóa dữ liệu", "xóa thông tin của tôi", "xóa hết dữ liệu", "xóa dữ liệu của mình", "/xoa", "/erase"]),
            // «dừng» alone stops announcements (and the current question); «dừng lại» stays a plain cancel.
            (GlobalCommand.OptOut, ["dừng", "hủy đăng ký", "huỷ đăng ký", "dừng nhận tin", "hủy nhận tin", "thôi nhận tin", "không nhận tin nữa", "stop", "/stop"]),
            // A goodbye ends whatever was being asked (a menu waiting for a choice had asked for the choice again).
            (GlobalCommand.Goodbye, ["tạm biệt", "tạm biệt nhé", "tạm biệt cháu", "tạm biệt cháu nhé", "chào tạm biệt", "bye", "bye bye", "goodbye", "hẹn gặp lại"]),
            (GlobalCommand.Handoff, ["gặp cán bộ", "gặp người", "nói chuyện với cán bộ", "cần cán bộ", "gọi cán bộ", "hỏi cán bộ", "liên hệ cán bộ", "gặp người thật", "tổng đài", "/canbo", "handoff"]),
        };
        var phrases = new Dictionary<string, GlobalCommand>(StringComparer.Ordinal);
        foreach (var (command, list) in table)
        {
            foreach (var phrase in list)
            {
                phrases[VietnameseText.Fold(phrase)] = command;
            }
        }

        return phrases;
    }
}
