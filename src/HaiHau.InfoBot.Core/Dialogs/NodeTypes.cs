using HaiHau.InfoBot.Core.Dialogs.Nodes;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>The registry of node types: the YAML <c>type</c>, its allowed fields and its reader.</summary>
public static class NodeTypes
{
    public static readonly IReadOnlyDictionary<string, (string[] Fields, Func<NodeSeed, DialogNode> Read)> All =
        new Dictionary<string, (string[], Func<NodeSeed, DialogNode>)>(StringComparer.Ordinal)
        {
            ["say"] = (SayNode.Fields, SayNode.Read),
            ["ask_choice"] = (AskChoiceNode.Fields, AskChoiceNode.Read),
            ["ask_text"] = (AskTextNode.Fields, AskTextNode.Read),
            ["ask_number"] = (AskNumberNode.Fields, AskNumberNode.Read),
            ["ask_yes_no"] = (AskYesNoNode.Fields, AskYesNoNode.Read),
            ["show_article"] = (ShowArticleNode.Fields, ShowArticleNode.Read),
            ["set"] = (SetNode.Fields, SetNode.Read),
            ["branch"] = (BranchNode.Fields, BranchNode.Read),
            ["call"] = (CallNode.Fields, CallNode.Read),
            ["goto"] = (GotoNode.Fields, GotoNode.Read),
            ["end"] = (EndNode.Fields, EndNode.Read),
            ["erase_data"] = (EraseDataNode.Fields, EraseDataNode.Read),
            ["ask_commune"] = (AskCommuneNode.Fields, AskCommuneNode.Read),
            ["screen"] = (ScreenNode.Fields, ScreenNode.Read),
            ["ask_listing"] = (AskListingNode.Fields, AskListingNode.Read),
            ["show_listing"] = (ShowListingNode.Fields, ShowListingNode.Read),
            ["subscribe"] = (SubscribeNode.Fields, SubscribeNode.Read),
            ["register_interest"] = (RegisterInterestNode.Fields, RegisterInterestNode.Read),
            ["ask_contact"] = (AskContactNode.Fields, AskContactNode.Read),
            ["load_profile"] = (LoadProfileNode.Fields, LoadProfileNode.Read),
            ["save_profile"] = (SaveProfileNode.Fields, SaveProfileNode.Read),
            ["link_household"] = (LinkHouseholdNode.Fields, LinkHouseholdNode.Read),
        };
}
