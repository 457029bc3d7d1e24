using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Residents;

namespace HaiHau.InfoBot.Core.Understanding.Evaluation;

/// <summary>
/// The register an evaluation runs with: one resident, <see cref="Resident"/>, registered (announcements and statistics
/// agreed, Hải An, a poor household, BHYT), so the prompts only a registered resident sees («Bác muốn làm gì tiếp?» with
/// «Sửa đăng ký», «Dừng nhận tin»…) can be reached; nobody else, and no household matches.
/// </summary>
public sealed class RegisteredInEvaluation : IResidentRegister
{
    public static readonly ConversationRef Resident = new("eval", "registered", "registered");

    public ResidentProfileView? Find(ConversationRef who) =>
        who == Resident ? new ResidentProfileView(1, true, true, "hai-an", "ngheo", "health_insurance", null) : null;

    public long? MatchHousehold(string communeCode, string householdCode, string headName) => null;

    public long? MatchPhone(string phone) => null;
}
