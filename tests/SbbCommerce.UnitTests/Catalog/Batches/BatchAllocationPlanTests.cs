using SbbCommerce.Api.Modules.Catalog.Batches;

namespace SbbCommerce.UnitTests.Catalog.Batches;

public sealed class BatchAllocationPlanTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly DateTimeOffset Recorded = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static BatchStock Batch(string number, int remaining, int expiresInDays, int madeDaysAgo = 30, int recordedMinutes = 0, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), number, remaining, Today.AddDays(-madeDaysAgo), Today.AddDays(expiresInDays), Recorded.AddMinutes(recordedMinutes),
            $"https://coa.example/{number}.pdf");

    [Fact]
    public void Given_batches_When_one_covers_the_quantity_Then_the_first_expiring_gives_it_all()
    {
        BatchStock[] batches = [Batch("LATE", 50, 200), Batch("SOON", 50, 20), Batch("MID", 50, 90)];

        var plan = BatchAllocationPlan.Plan(batches, 10, preferredBatchId: null);

        var part = Assert.Single(plan!);
        Assert.Equal(("SOON", 10, Today.AddDays(20), "https://coa.example/SOON.pdf"), (part.BatchNumber, part.Quantity, part.ExpiresAt, part.CoaFileUrl));
    }

    [Fact]
    public void Given_the_first_expiring_batch_holds_too_few_When_planning_Then_it_is_emptied_and_the_next_expiring_gives_the_rest()
    {
        BatchStock[] batches = [Batch("LATE", 50, 200), Batch("SOON", 3, 20), Batch("MID", 4, 90)];

        var plan = BatchAllocationPlan.Plan(batches, 10, preferredBatchId: null);

        Assert.Equal([("SOON", 3), ("MID", 4), ("LATE", 3)], plan!.Select(part => (part.BatchNumber, part.Quantity)));
    }

    [Fact]
    public void Given_a_preferred_batch_When_planning_Then_it_gives_first_and_the_rest_comes_first_expiring_first_out()
    {
        var preferred = Batch("PREFERRED", 4, 300);
        BatchStock[] batches = [Batch("LATE", 50, 200), preferred, Batch("SOON", 50, 20)];

        var plan = BatchAllocationPlan.Plan(batches, 6, preferred.Id);

        Assert.Equal([("PREFERRED", 4), ("SOON", 2)], plan!.Select(part => (part.BatchNumber, part.Quantity)));
    }

    [Fact]
    public void Given_a_preferred_batch_that_is_not_among_them_When_planning_Then_it_is_ignored()
    {
        BatchStock[] batches = [Batch("LATE", 50, 200), Batch("SOON", 50, 20)];

        var plan = BatchAllocationPlan.Plan(batches, 6, Guid.NewGuid());

        Assert.Equal([("SOON", 6)], plan!.Select(part => (part.BatchNumber, part.Quantity)));
    }

    [Fact]
    public void Given_batches_expiring_the_same_day_When_planning_Then_the_older_made_then_the_earlier_recorded_then_the_lower_id_goes_first()
    {
        var lowId = Guid.Parse("00000000-0000-4000-8000-000000000001");
        var highId = Guid.Parse("ffffffff-0000-4000-8000-000000000001");
        BatchStock[] batches =
        [
            Batch("NEWER-MADE", 1, 30, madeDaysAgo: 10),
            Batch("HIGH-ID", 1, 30, madeDaysAgo: 50, recordedMinutes: 5, id: highId),
            Batch("LATER-RECORDED", 1, 30, madeDaysAgo: 50, recordedMinutes: 9),
            Batch("LOW-ID", 1, 30, madeDaysAgo: 50, recordedMinutes: 5, id: lowId),
        ];

        var plan = BatchAllocationPlan.Plan(batches, 4, preferredBatchId: null);

        Assert.Equal(["LOW-ID", "HIGH-ID", "LATER-RECORDED", "NEWER-MADE"], plan!.Select(part => part.BatchNumber));
    }

    [Fact]
    public void Given_batches_holding_too_few_together_When_planning_Then_there_is_no_plan()
    {
        BatchStock[] batches = [Batch("A", 3, 20), Batch("B", 0, 30), Batch("C", 4, 90)];

        Assert.Null(BatchAllocationPlan.Plan(batches, 8, preferredBatchId: null));
        Assert.Null(BatchAllocationPlan.Plan([], 1, preferredBatchId: null));
        Assert.Equal([("A", 3), ("C", 4)], BatchAllocationPlan.Plan(batches, 7, preferredBatchId: null)!.Select(part => (part.BatchNumber, part.Quantity)));
    }

    [Fact]
    public void Given_a_quantity_below_one_When_planning_Then_it_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchAllocationPlan.Plan([Batch("A", 3, 20)], 0, preferredBatchId: null));
}
