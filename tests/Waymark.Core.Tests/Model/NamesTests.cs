using Waymark.Core.Model;

namespace Waymark.Core.Tests.Model;

public sealed class NamesTests
{
    // Golden: these codes are stored on disk. Changing one corrupts every existing store.
    [Theory]
    [InlineData(Actor.Unknown, 0, "unknown")]
    [InlineData(Actor.Customer, 1, "customer")]
    [InlineData(Actor.Vendor, 2, "vendor")]
    [InlineData(Actor.Partner, 3, "partner")]
    [InlineData(Actor.Competitor, 4, "competitor")]
    [InlineData(Actor.Peer, 5, "peer")]
    public void ActorCodesAndNames_AreFrozen(Actor actor, int code, string name)
    {
        Assert.Equal(code, (int)actor);
        Assert.Equal(name, Names.Of(actor));
        Assert.True(Names.TryParseActor(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(actor, parsed);
    }

    [Theory]
    [InlineData(Role.Other, 0, "other")]
    [InlineData(Role.DecisionMaker, 1, "decision-maker")]
    [InlineData(Role.EconomicBuyer, 2, "economic-buyer")]
    [InlineData(Role.TechnicalBuyer, 3, "technical-buyer")]
    [InlineData(Role.Champion, 4, "champion")]
    [InlineData(Role.Influencer, 5, "influencer")]
    [InlineData(Role.EndUser, 6, "end-user")]
    public void RoleCodesAndNames_AreFrozen(Role role, int code, string name)
    {
        Assert.Equal(code, (int)role);
        Assert.Equal(name, Names.Of(role));
        Assert.True(Names.TryParseRole(name.Replace('-', '_'), out var parsed));
        Assert.Equal(role, parsed);
    }

    [Fact]
    public void UnknownName_IsNotParsed()
    {
        Assert.False(Names.TryParseActor("robot", out _));
        Assert.False(Names.TryParseRole("janitor", out var role));
        Assert.Null(role);
    }
}
