"""The release list at the app's own start size: the headline gets the room."""


def test_every_column_but_the_headline_is_shown_whole_at_900_wide(sample_window, qtbot) -> None:
    sample_window.resize(900, 720)
    table = sample_window.releases.list_panel.table
    header = table.horizontalHeader()
    model = table.model()
    metrics = table.fontMetrics()

    def whole(column: int) -> bool:
        texts = [model.index(row, column).data() or "" for row in range(model.rowCount())]
        return all(metrics.horizontalAdvance(t) < header.sectionSize(column) for t in texts)

    qtbot.waitUntil(lambda: all(whole(c) for c in (0, 2, 3, 4)))
    widths = [header.sectionSize(c) for c in range(model.columnCount())]
    assert widths[1] == max(widths)  # before: 170 px beside a 200 px embargo column
