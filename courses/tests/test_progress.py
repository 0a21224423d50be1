from courses import progress as rules


def test_segments_merge_overlaps_and_small_gaps():
    assert rules.merge_segments([[10, 20], [0, 5], [5.3, 9], [19, 30]]) == [[0.0, 9.0], [10.0, 30.0]]
    assert rules.covered_seconds([[0, 10], [5, 15], [40, 50]]) == 25


def test_empty_and_backwards_segments_cover_nothing():
    assert rules.merge_segments([[5, 5], [9, 3]]) == []
    assert rules.covered_seconds([]) == 0


def test_bad_segments_are_dropped_and_clipped_to_the_video():
    raw = [[0, 10], ["x", 3], [1], None, [float("nan"), 4], [-5, 2], [95, 130]]
    assert rules.clean_segments(raw, duration=100) == [(0, 10), (0, 2), (95, 100)]
    assert rules.clean_segments("everything", duration=100) == []


def test_seeking_to_the_end_adds_nothing_but_real_playback_does():
    # 15 s of real time: a 600 s "segment" is a jump, not watching
    assert not rules.plausible_playback([], [(0, 600)], wall_seconds=15)
    assert rules.plausible_playback([], [(0, 15)], wall_seconds=15)
    # double speed is allowed
    assert rules.plausible_playback([], [(0, 30)], wall_seconds=15)


def test_segments_already_known_are_harmless_when_sent_again():
    known = [[0.0, 300.0]]
    assert rules.plausible_playback(known, [(0, 300), (300, 310)], wall_seconds=10)


def test_reading_credit_is_bounded_by_real_time():
    assert rules.reading_credit(reported_total=600, already_counted=0, wall_seconds=20) == 20
    assert rules.reading_credit(reported_total=14, already_counted=0, wall_seconds=20) == 14
    assert rules.reading_credit(reported_total=30, already_counted=20, wall_seconds=60) == 10
    assert rules.reading_credit(reported_total=10, already_counted=20, wall_seconds=60) == 0


def test_time_offline_counts_once_the_page_reconnects():
    # the page was in view for 10 minutes without a connection; 10 minutes passed on the server too
    assert rules.reading_credit(reported_total=600, already_counted=0, wall_seconds=605) == 600


def test_many_quick_heartbeats_add_nothing():
    assert rules.reading_credit(reported_total=30, already_counted=0, wall_seconds=0) == 0
    assert not rules.plausible_playback([], [(0, 1)], wall_seconds=0)
