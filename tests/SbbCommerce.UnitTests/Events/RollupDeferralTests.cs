using System.Diagnostics;
using SbbCommerce.Api.Modules.Events.Rollups;

namespace SbbCommerce.UnitTests.Events;

public sealed class RollupDeferralTests
{
    private static readonly TimeSpan MaxDeferral = TimeSpan.FromSeconds(30);
    private readonly RollupDeferral _deferral = new(MaxDeferral);

    [Fact]
    public void Given_no_checkouts_at_work_When_asked_Then_the_fold_runs()
    {
        Assert.False(_deferral.ShouldDefer(checkoutsAtWork: false, At(0)));
    }

    [Fact]
    public void Given_checkouts_at_work_When_asked_within_the_longest_stretch_Then_the_fold_steps_aside()
    {
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(0)));
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(29.9)));
    }

    [Fact]
    public void Given_checkouts_at_work_for_the_longest_stretch_When_asked_Then_one_fold_runs_and_a_new_stretch_begins()
    {
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(0)));

        Assert.False(_deferral.ShouldDefer(checkoutsAtWork: true, At(30)));
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(30.1)));
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(59.9)));
        Assert.False(_deferral.ShouldDefer(checkoutsAtWork: true, At(60)));
    }

    [Fact]
    public void Given_checkouts_that_paused_When_they_resume_Then_the_stretch_is_counted_from_the_resumption()
    {
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(0)));
        Assert.False(_deferral.ShouldDefer(checkoutsAtWork: false, At(20)));

        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(25)));
        Assert.True(_deferral.ShouldDefer(checkoutsAtWork: true, At(54.9)));
        Assert.False(_deferral.ShouldDefer(checkoutsAtWork: true, At(55)));
    }

    private static long At(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
