using HaiHau.InfoBot.Core.Content;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Reads what the bot keeps of this resident's registration into this dialog's values, so the dialog can show it
/// back, branch on it, or offer to change it. Forgotten when the dialog ends. Sets: <c>dk_co</c> ("yes" when
/// registered), <c>dk_nhan_tin</c> ("yes"/"no"), <c>dk_thong_ke</c>, <c>dk_xa</c> (the commune's name),
/// <c>dk_loai_ho</c>, <c>dk_chu_de</c> (topics in words), <c>dk_ho</c> (the register household's code, or empty),
/// <c>dk_ma</c> (the registration number an officer asks for), <c>dk_tom_tat</c> (all of it in words, one line each).
/// <code>
/// - { id: doc-dang-ky, type: load_profile, next: da-dang-ky-chua }
/// </code>
/// </summary>
public sealed class LoadProfileNode : DialogNode
{
    public static readonly string[] Fields = NodeSeed.CommonFields;

    public override string Type => "load_profile";

    public static DialogNode Read(NodeSeed seed) => new LoadProfileNode { Id = seed.Id, Location = seed.Location, Next = seed.Next };

    public override NodeOutcome Enter(TurnContext turn)
    {
        var profile = turn.From is null ? null : turn.Services.Register.Find(turn.From);
        if (profile is null)
        {
            return ToNext();
        }

        var content = turn.Services.Content;
        turn.Set("dk_co", "yes", conversationScope: false);
        turn.Set("dk_nhan_tin", profile.ConsentAnnouncements ? "yes" : "no", conversationScope: false);
        turn.Set("dk_thong_ke", profile.ConsentStatistics ? "yes" : "no", conversationScope: false);
        turn.Set("dk_xa", profile.CommuneCode is { } code ? content.FindCommune(code)?.Name ?? code : "chưa cho biết", conversationScope: false);
        turn.Set("dk_loai_ho", CategoryWords(profile.DeclaredCategory), conversationScope: false);
        turn.Set("dk_chu_de", TopicWords(profile.Topics, turn.Services.Understanding), conversationScope: false);
        turn.Set("dk_ho", profile.HouseholdCode ?? "", conversationScope: false);
        turn.Set("dk_ma", "DK" + profile.RegistrationId.ToString(System.Globalization.CultureInfo.InvariantCulture), conversationScope: false);
        turn.Set("dk_tom_tat", Summary(profile, turn.Get("dk_xa")!, turn.Get("dk_loai_ho")!, turn.Get("dk_chu_de")!), conversationScope: false);
        return ToNext();
    }

    /// <summary>
    /// What is kept, in words a resident reads (issue 12 §5): «có»/«không», not the stored "yes"/"no"; the household
    /// line only says what is true («chưa ghi nhận…»), never an empty «mã hộ: .». One line each, as a list reads on a phone.
    /// </summary>
    private static string Summary(Residents.ResidentProfileView profile, string commune, string category, string topics)
    {
        var household = profile.HouseholdCode is { Length: > 0 } code
            ? $"nhà bác đã được ghi nhận trong danh sách hộ của xã (mã hộ {code})"
            : "nhà bác chưa được ghi nhận trong danh sách hộ của xã";
        return string.Join('\n',
            $"- Nhận thông báo của chương trình: {(profile.ConsentAnnouncements ? "có" : "không")}",
            $"- Được tính vào số liệu thống kê: {(profile.ConsentStatistics ? "có" : "không")}",
            $"- Nơi ở: {commune}",
            $"- Diện hộ: {category}",
            $"- Chủ đề: {topics}",
            $"- Danh sách hộ: {household}");
    }

    private static string CategoryWords(string? id) => id switch
    {
        "ngheo" => "hộ nghèo",
        "can-ngheo" => "hộ cận nghèo",
        "moi-thoat-ngheo" => "hộ mới thoát nghèo",
        "trung-binh" => "hộ có mức sống trung bình",
        "khac" => "chưa rõ hoặc diện khác",
        "khong-noi" => "bác không muốn nói",
        _ => "chưa cho biết",
    };

    /// <summary>
    /// The chosen topics as topics.yaml labels them (the registry every page reads), lower-cased to sit inside a
    /// sentence; an id no longer in topics.yaml is left out rather than shown raw.
    /// </summary>
    private static string TopicWords(string? topics, Understanding.IQuestionUnderstanding? understanding)
    {
        var ids = (topics ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Contains("all"))
        {
            return "tất cả các chủ đề";
        }

        var words = ids.Distinct(StringComparer.Ordinal)
            .Select(t => understanding?.Settings(t)?.Label)
            .OfType<string>()
            .Select(label => char.ToLower(label[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + label[1..])
            .ToList();
        return words.Count == 0 ? "chưa chọn" : string.Join(", ", words);
    }
}
