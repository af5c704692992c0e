-- 0003: indexes the consoles read by: newest complaints first (Complaints
-- screen, Open311 requests.json) and arrivals by time (the sparkline).
CREATE INDEX complaint_by_received ON complaint(received_at);
CREATE INDEX arrival_by_time ON arrival(arrived_at);
-- Every read of a complaint looks up its latest arrival.
CREATE INDEX arrival_by_complaint ON arrival(complaint_id, round);
