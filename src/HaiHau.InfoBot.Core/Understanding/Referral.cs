using HaiHau.InfoBot.Core.Loading;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A body that handles what the programme cannot answer (content/referrals.yaml): BHXH for pensions, the court for
/// inheritance… <see cref="Subjects"/> are the words residents use for its matters; the honest "I don't know" names
/// the body whose subjects the question mentions, and UBND xã otherwise.
/// </summary>
public sealed record Referral(string Id, string Name, string Handles, string Say, IReadOnlyList<string> Subjects, SourceLocation Location)
{
    /// <summary>The referral ids fixed by the content contract; the file must define each, and no other.</summary>
    public static readonly IReadOnlyList<string> Ids =
        ["ubnd-xa", "bhxh", "nhcsxh", "tro-giup-phap-ly", "trung-tam-dvvl", "toa-an", "co-so-y-te", "truong-hoc", "dien-luc", "cong-an-xa"];

    /// <summary>The place every unplaced question goes: the commune's office knows who handles it.</summary>
    public const string Default = "ubnd-xa";

    /// <summary>
    /// Subjects that no longer name this body when the resident says they lack them: «không có lương hưu» is an elderly
    /// person asking what the commune pays those without a pension, not a pension question for BHXH; «không có hợp đồng
    /// lao động» is a worker's dispute, not the job centre's. Each is one of <see cref="Subjects"/>.
    /// </summary>
    public IReadOnlyList<string> NotWhenLacking { get; init; } = [];

    /// <summary>
    /// Subjects that are the body's own name as residents write it («trợ giúp pháp lý», «ngân hàng chính sách», «tòa án»):
    /// a letter that names the body outright asks about it, so they count double (see <see cref="ReferralFinder"/>). Each
    /// is one of <see cref="Subjects"/>. «bảo hiểm xã hội» is not BHXH's: residents use it for the scheme as often.
    /// </summary>
    public IReadOnlyList<string> OwnNames { get; init; } = [];

    public AnswerRef Answer => new(AnswerRef.Refer, Id);
}
