using Microsoft.AspNetCore.Http;
using SbbCommerce.Api.Common.Http;

namespace SbbCommerce.UnitTests.Common.Http;

public sealed class BulkheadTests
{
    [Fact]
    public async Task Given_a_request_waiting_its_turn_When_told_to_stop_waiting_Then_it_leaves_with_that_answer_and_the_holder_goes_on()
    {
        using var bulkhead = new Bulkhead(permits: 1, queueLimit: 10);
        var holderRuns = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holderStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = bulkhead.RunAsync(Context(), _ =>
        {
            holderStarted.SetResult();
            return new ValueTask<object?>(holderRuns.Task);
        }).AsTask();
        await holderStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var soldOut = new CancellationTokenSource();
        var nextRan = false;

        var waiter = bulkhead.RunAsync(Context(), _ =>
        {
            nextRan = true;
            return new ValueTask<object?>("served");
        }, () => "sold out", soldOut.Token).AsTask();
        Assert.False(waiter.IsCompleted);
        await soldOut.CancelAsync();

        Assert.Equal("sold out", await waiter.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(nextRan);
        holderRuns.SetResult("held");
        Assert.Equal("held", await holder.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Given_a_free_permit_Then_the_request_runs_whatever_its_stop_signal()
    {
        using var bulkhead = new Bulkhead(permits: 1, queueLimit: 10);
        using var neverFired = new CancellationTokenSource();

        var answer = await bulkhead.RunAsync(Context(), _ => new ValueTask<object?>("served"), () => "sold out", neverFired.Token);

        Assert.Equal("served", answer);
    }

    private static DefaultEndpointFilterInvocationContext Context() => new(new DefaultHttpContext());
}
