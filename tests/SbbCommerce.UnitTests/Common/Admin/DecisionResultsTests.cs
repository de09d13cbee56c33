using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SbbCommerce.Api.Common.Admin;
using SbbCommerce.Api.Common.Problems;

namespace SbbCommerce.UnitTests.Common.Admin;

public sealed class DecisionResultsTests
{
    private sealed record Row(Guid Id, string Status);

    [Fact]
    public async Task Given_a_refused_decision_When_answering_Then_the_refusal_is_the_answer_and_nothing_is_read_back()
    {
        var refusal = ApiProblems.Conflict("line_already_matched", "The line is matched already.");
        var readBacks = 0;

        var result = await DecisionResults.RefusalOrOkAsync(Task.FromResult<ProblemHttpResult?>(refusal), () =>
        {
            readBacks++;
            return Task.FromResult<Row?>(new Row(Guid.NewGuid(), "matched"));
        });

        Assert.Same(refusal, result.Result);
        Assert.Equal(0, readBacks);
    }

    [Fact]
    public async Task Given_a_decision_that_went_through_When_answering_Then_200_with_the_row_read_back()
    {
        var row = new Row(Guid.NewGuid(), "matched");

        var result = await DecisionResults.RefusalOrOkAsync(Task.FromResult<ProblemHttpResult?>(null), () => Task.FromResult<Row?>(row));

        var ok = Assert.IsType<Ok<Row>>(result.Result);
        Assert.Equal(StatusCodes.Status200OK, ok.StatusCode);
        Assert.Same(row, ok.Value);
    }
}
