// One test at a time: the Dockerfile replay publishes the silo and another test starts one; on a
// two-core machine running them together only makes both slower and their deadlines tighter.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
